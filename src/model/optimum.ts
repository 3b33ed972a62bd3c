// The yardstick of a market run: the centralized day-ahead optimum of every grid agent over the
// measured window (market intervals from the end of warm-up on), built from the run's world (fleet,
// sessions, deficits) and solved once; every market kind is compared with it on the same world.

import { solveDayAhead, type DayAheadOptions, type DayAheadSolution } from './market/dayAhead.js';
import type { Fleet } from './fleet.js';
import { agentFlags, type GridAgents } from './grid.js';
import type { SessionTable } from './sessionTable.js';

export interface OptimumWindow {
  /** Market interval, seconds. */
  seconds: number;
  /** First interval of the measured window and the number of intervals of the run. */
  firstInterval: number;
  intervals: number;
}

/** Per session: selling only in intervals before saleEnd, at most saleBudget kWh in all. */
export interface SaleLimits {
  saleEnd: Int32Array;
  saleBudget: Float64Array;
}


export class DayAheadOptimum {
  readonly solutions: DayAheadSolution[] = [];
  /** Each session's index in its agent's problem, or -1 where it has no interval in the window. */
  private readonly local: Int32Array;
  private readonly firsts: Int32Array[] = [];

  /**
   * `sales`: where each session may sell and how much in all, so that it can still recharge for departure (ChargingPlan).
   * Only the agents `ownsAgent` picks are solved (one partition of a split run); the others get the problem without EVs.
   * `keepsSchedule`: keep every session's allocation for energy() (market.kind optimal follows it); without it the
   * per-interval and total figures remain and the allocations' memory (one number per session-interval) is released.
   * `options`: the solver's (steps, tolerance; its defaults by default).
   */
  constructor(fleet: Fleet, sessions: SessionTable, grid: GridAgents, window: OptimumWindow, sales?: SaleLimits, ownsAgent: (g: number) => boolean = () => true, readonly keepsSchedule = true, options: Omit<DayAheadOptions, 'name'> = {}) {
    const { seconds, firstInterval, intervals } = window;
    const hours = seconds / 3600;
    this.local = new Int32Array(sessions.count).fill(-1);
    const counts = new Int32Array(grid.count);
    const ownedAgent = agentFlags(grid.count, ownsAgent);
    const firstOf = (s: number) => Math.max(firstInterval, Math.ceil(sessions.arrive[s] / seconds));
    const endOf = (s: number) => Math.min(intervals, Math.ceil(sessions.depart[s] / seconds), sales?.saleEnd[s] ?? Infinity);
    for (let i = 0; i < fleet.size; i++) {
      for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) if (firstOf(s) < endOf(s)) this.local[s] = counts[fleet.agent[i]]++;
    }
    for (let g = 0; g < grid.count; g++) {
      const owned = ownedAgent[g] === 1;
      const n = owned ? counts[g] : 0;
      const problem = {
        intervals, peakerPrice: grid.peakerPrice[g], count: n,
        demand: grid.deficits.subarray(g * intervals, (g + 1) * intervals).map((d, k) => (k < firstInterval ? 0 : d)),
        quadratic: new Float64Array(n), linear: new Float64Array(n), budget: new Float64Array(n),
        first: new Int32Array(n), end: new Int32Array(n), full: new Float64Array(n), tail: new Float64Array(n),
      };
      const evOf = new Int32Array(n);
      for (let i = fleet.first[g]; owned && i < fleet.first[g + 1]; i++) {
        for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) {
          const j = this.local[s];
          if (j < 0) continue;
          evOf[j] = fleet.id[i];
          const first = firstOf(s);
          const end = endOf(s);
          problem.first[j] = first;
          problem.end[j] = end;
          problem.quadratic[j] = fleet.costQuadratic[i] / hours;
          problem.linear[j] = fleet.costLinear[i];
          problem.budget[j] = Math.min(sales?.saleBudget[s] ?? Infinity, Math.max(0, sessions.soc[s] - fleet.reserve[i]) * fleet.capacityKwh[i] * fleet.efficiency[i]);
          problem.full[j] = fleet.powerKw[i] * hours;
          problem.tail[j] = fleet.powerKw[i] * Math.min(seconds, sessions.depart[s] - (end - 1) * seconds) / 3600;
        }
      }
      this.firsts.push(problem.first.slice());
      const solution = solveDayAhead(problem, { ...options, name: (j) => `EV ${evOf[j]} (agent ${g})` });
      if (!keepsSchedule) solution.energy = new Float64Array(0);
      this.solutions.push(solution);
    }
  }

  /** kWh delivered in interval k of session `session` (of an EV at agent g) under the optimum. */
  energy(g: number, session: number, k: number): number {
    if (!this.keepsSchedule) throw new Error('this day-ahead optimum was solved without keeping its schedule');
    const j = this.local[session];
    if (j < 0) return 0;
    const first = this.firsts[g][j];
    const sol = this.solutions[g];
    const at = k - first;
    return at >= 0 && at < sol.offset[j + 1] - sol.offset[j] ? sol.energy[sol.offset[j] + at] : 0;
  }

  /** The optimum's shadow price lambda_k and welfare of agent g in interval k. */
  shadowPrice(g: number, k: number): number {
    return this.solutions[g].shadowPrice[k];
  }

  /** The optimum's energy from agent g's EVs in interval k. */
  energyIn(g: number, k: number): number {
    return this.solutions[g].intervalEnergy[k];
  }

  welfare(g: number, k: number): number {
    return this.solutions[g].intervalWelfare[k];
  }

  /** The optimum's welfare over the window, summed over agents. */
  totalWelfare(): number {
    return this.solutions.reduce((sum, sol) => sum + sol.welfare, 0);
  }

  /** Largest certified relative duality gap over the agents. */
  gap(): number {
    return this.solutions.reduce((worst, sol) => Math.max(worst, sol.gap), 0);
  }
}

/** Keeps the last few optima solved in this process, by world; a world's optimum never changes. */
const CACHE_SIZE = 4;
const cache = new Map<string, DayAheadOptimum>();

/**
 * The day-ahead optimum of the world named by `key` (everything the world and the window depend on:
 * the run's world key, the fleet and grid keys, the interval, duration and warm-up). Every ledger of a
 * replication (and, with common random numbers, every sweep point that leaves the world alone) has the
 * same world, so a worker solves it once for all of them; the result is the same either way.
 */
export function dayAheadOptimumOf(key: string, solve: () => DayAheadOptimum, needsSchedule = true): DayAheadOptimum {
  const known = cache.get(key);
  // One solved without its schedule serves only runs that do not follow it; solving again replaces it.
  if (known && (known.keepsSchedule || !needsSchedule)) {
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const optimum = solve();
  cache.delete(key);
  cache.set(key, optimum);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return optimum;
}
