// The day-ahead charging plan of a run: for every session, its charging window in market intervals, its
// per-interval bounds and the energy it needs for departure; solved per grid agent by the scenario's policy
// (uncontrolled, or the valley-filling protocol on the agent's load from grid.load) over the whole horizon.

import type { Fleet } from '../fleet.js';
import { agentFlags, type GridAgents } from '../grid.js';
import type { SessionTable } from '../sessionTable.js';
import type { ChargingConfig } from './schema.js';
import type { ChargingProblem, ChargingSolution } from './problem.js';
import { chargeFromStart, chargeUncontrolled } from './uncontrolled.js';
import { fillValleys } from './valleyFilling.js';

const EMPTY = new Float64Array(0);
const NO_SESSIONS = new Int32Array(0);

export class ChargingPlan {
  readonly problems: ChargingProblem[] = [];
  /** Each agent's protocol rounds, and whether the last met the convergence criterion (uncontrolled: 0, true). */
  readonly outcomes: Pick<ChargingSolution, 'rounds' | 'converged'>[] = [];
  /** Each session's index in its agent's problem (every session has one; its window may be empty). */
  readonly local: Int32Array;
  /**
   * Where V2G may sell for each session so that it can always recharge for departure: only in intervals before
   * saleEnd[s], and at most saleBudget[s] kWh in all, which the charger's spare time after saleEnd[s] - 1 recharges.
   */
  readonly saleEnd: Int32Array;
  readonly saleBudget: Float64Array;
  /**
   * Session s's window is intervals sessionFirst[s] .. sessionFirst[s] + sessionLength[s] - 1. Valley filling plans
   * each interval of it (keepsIntervals): every session's window in one layout (agent by agent, the agents' problems
   * are views of it), session s's interval sessionFirst[s] + t at sessionStart[s] + t; there, the kWh planned.
   * Uncontrolled charging fills the window from its start, at the charger's bound until the need is met: only how many
   * intervals it charges in (fillEnd[s]) and the kWh in the last of them (fillLast[s]) are kept (`plannedAt`), not
   * 8 B per session-interval (about 270 B per EV-day). What the charger could still take beyond the plan in the
   * session's later intervals is computed where needed (spareAfter, spareAfterFill), for the same reason.
   */
  readonly keepsIntervals: boolean;
  readonly sessionFirst: Int32Array;
  readonly sessionLength: Int32Array;
  readonly sessionStart: Int32Array;
  readonly energy: Float64Array;
  readonly fillEnd: Int32Array;
  readonly fillLast: Float64Array;
  /**
   * The charger's bound (kWh) in every interval of session s's window but the last, and in the last (it may leave
   * during it): what valley filling's problems hold in `upper` for every interval, released once the plan is solved.
   */
  readonly sessionFull: Float64Array;
  readonly sessionTail: Float64Array;

  /** Only the agents `ownsAgent` picks get a plan (one partition of a split run); the others' sessions have empty windows and no rounds. */
  constructor(fleet: Fleet, sessions: SessionTable, grid: GridAgents, seconds: number, config: ChargingConfig, ownsAgent: (g: number) => boolean = () => true) {
    const intervals = grid.intervals;
    const hours = seconds / 3600;
    this.local = new Int32Array(sessions.count);
    const counts = new Int32Array(grid.count);
    const lengths = new Int32Array(grid.count);
    const ownedAgent = agentFlags(grid.count, ownsAgent);
    const owned = (i: number) => ownedAgent[fleet.agent[i]] === 1;
    for (let i = 0; i < fleet.size; i++) {
      const g = fleet.agent[i];
      for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) {
        this.local[s] = counts[g]++;
        if (owned(i)) lengths[g] += windowEnd(sessions, s, seconds, intervals) - windowFirst(sessions, s, seconds, intervals);
      }
    }
    const agentStart = new Int32Array(grid.count + 1);
    for (let g = 0; g < grid.count; g++) agentStart[g + 1] = agentStart[g] + lengths[g];
    const total = agentStart[grid.count];
    this.keepsIntervals = config.policy === 'valley-filling';
    // Only valley filling needs every interval's bound (its problems' `upper`) and keeps every interval's plan.
    const upper = this.keepsIntervals ? new Float64Array(total) : EMPTY;
    this.energy = this.keepsIntervals ? new Float64Array(total) : EMPTY;
    for (let g = 0; g < grid.count; g++) {
      const n = ownedAgent[g] === 1 ? counts[g] : 0;
      this.problems.push({
        intervals, hours, count: n,
        baseKw: Float64Array.from({ length: intervals }, (_, k) => grid.loadKw(g, k * seconds)),
        first: new Int32Array(n), offset: new Int32Array(n + 1), upper: this.keepsIntervals ? upper.subarray(agentStart[g], agentStart[g + 1]) : EMPTY, need: new Float64Array(n),
      });
    }
    this.sessionFirst = new Int32Array(sessions.count);
    this.sessionLength = new Int32Array(sessions.count);
    this.sessionStart = this.keepsIntervals ? new Int32Array(sessions.count) : NO_SESSIONS;
    this.fillEnd = this.keepsIntervals ? NO_SESSIONS : new Int32Array(sessions.count);
    this.fillLast = this.keepsIntervals ? EMPTY : new Float64Array(sessions.count);
    this.sessionFull = new Float64Array(sessions.count);
    this.sessionTail = new Float64Array(sessions.count);
    const filled = new Int32Array(grid.count);
    for (let i = 0; i < fleet.size; i++) if (owned(i)) this.planEv(fleet, sessions, i, Math.max(config.departureSoc, fleet.reserve[i]), seconds, intervals, agentStart, filled);
    this.problems.forEach((p, g) => {
      if (!this.keepsIntervals) {
        this.outcomes.push({ rounds: 0, converged: true });
        return;
      }
      const { energy, rounds, converged } = ownedAgent[g] === 1 ? fillValleys(p, config) : chargeUncontrolled(p);
      this.energy.set(energy, agentStart[g]);
      this.outcomes.push({ rounds, converged });
      // Every interval's bound is sessionFull or sessionTail from here on.
      p.upper = EMPTY;
    });
    this.saleEnd = new Int32Array(sessions.count);
    this.saleBudget = new Float64Array(sessions.count);
    for (let i = 0; i < fleet.size; i++) {
      if (!owned(i)) continue;
      for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) this.limitSales(fleet, i, s, Math.max(0, sessions.soc[s] - fleet.reserve[i]) * fleet.capacityKwh[i] * fleet.efficiency[i]);
    }
  }

  /**
   * Puts EV i's sessions in its agent's problem: each one's window, bounds and need, and under uncontrolled charging
   * its fill. A method called for each EV rather than the body of a loop here: V8 compiles again, in every run, a
   * loop of a function called once a run, while a method's optimized code serves a sweep's later runs too
   * (docs/parallel.md, "Level 1").
   */
  private planEv(fleet: Fleet, sessions: SessionTable, i: number, target: number, seconds: number, intervals: number, agentStart: Int32Array, filled: Int32Array): void {
    const g = fleet.agent[i];
    const p = this.problems[g];
    for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) {
      const j = this.local[s];
      const first = windowFirst(sessions, s, seconds, intervals);
      const end = windowEnd(sessions, s, seconds, intervals);
      p.first[j] = first;
      const at = (p.offset[j] = filled[g]);
      p.offset[j + 1] = at + end - first;
      filled[g] = at + end - first;
      this.sessionFirst[s] = first;
      this.sessionLength[s] = end - first;
      let room = 0;
      for (let k = first; k < end; k++) {
        const plugged = Math.min(seconds, sessions.depart[s] - k * seconds) / 3600;
        const bound = fleet.powerKw[i] * plugged;
        // Every interval of the window but the last is a full one: the same bound.
        if (k === first) this.sessionFull[s] = bound;
        if (k === end - 1) this.sessionTail[s] = bound;
        if (this.keepsIntervals) p.upper[at + k - first] = bound;
        room += bound;
      }
      p.need[j] = Math.min(room, Math.max(0, (target - sessions.soc[s]) * fleet.capacityKwh[i]));
      if (this.keepsIntervals) {
        this.sessionStart[s] = agentStart[g] + at;
      } else {
        const full = this.sessionFull[s];
        const tail = this.sessionTail[s];
        this.fillEnd[s] = chargeFromStart(p.need[j], end - first, (t) => (t === end - first - 1 ? tail : full), (_, kWh) => (this.fillLast[s] = kWh));
      }
    }
  }

  /**
   * Session s may sell its whole V2G budget (kWh above the reserve) up to the latest interval after which the spare
   * time recharges it; where even its first interval's spare cannot, it sells only in its first interval, as much as that spare allows.
   */
  private limitSales(fleet: Fleet, i: number, s: number, budget: number): void {
    const n = this.sessionLength[s];
    let last = n - 1;
    // The spare after `last`, summed from the window's end as spareAfter does.
    let spare = 0;
    while (last > 0 && fleet.efficiency[i] * spare < budget) {
      spare += (last === n - 1 ? this.sessionTail[s] : this.sessionFull[s]) - this.plannedAt(s, last);
      last--;
    }
    this.saleEnd[s] = this.sessionFirst[s] + (n > 0 ? last + 1 : 0);
    this.saleBudget[s] = n > 0 ? Math.min(budget, fleet.efficiency[i] * spare) : 0;
  }

  /** kWh planned for session s in the t-th interval of its window. */
  plannedAt(s: number, t: number): number {
    return this.keepsIntervals ? this.energy[this.sessionStart[s] + t] : filledAt(t, this.fillEnd[s], this.fillLast[s], this.sessionFull[s]);
  }

  /** kWh session s of an EV at agent g needs for departure. */
  need(g: number, s: number): number {
    return this.problems[g].need[this.local[s]];
  }

  /** Protocol rounds each agent ran (0 for uncontrolled charging). */
  rounds(): number[] {
    return this.outcomes.map((o) => o.rounds);
  }
}

/** The first market interval of session s's charging window (of `intervals` of `seconds` each). */
function windowFirst(sessions: SessionTable, s: number, seconds: number, intervals: number): number {
  return Math.min(intervals, Math.max(0, Math.ceil(sessions.arrive[s] / seconds)));
}

/** One past the last market interval of session s's charging window (never before its first). */
function windowEnd(sessions: SessionTable, s: number, seconds: number, intervals: number): number {
  return Math.max(windowFirst(sessions, s, seconds, intervals), Math.min(intervals, Math.ceil(sessions.depart[s] / seconds)));
}

/**
 * The charger's kWh left over by the plan `energy` in the intervals after `at` of a session window ending before
 * `end` (positions in the plan's layout), whose bound is `full` in each interval but the last and `tail` in the last;
 * summed from the window's end.
 */
export function spareAfter(energy: Float64Array, at: number, end: number, full: number, tail: number): number {
  let later = 0;
  for (let x = end - 1; x > at; x--) later += (x === end - 1 ? tail : full) - energy[x];
  return later;
}

/**
 * spareAfter for a window of n intervals filled from its start (uncontrolled charging; see filledAt), after its t-th
 * interval, in closed form: the last interval's spare, every idle interval's full bound (counted, not summed one by
 * one, which was most of an owner's work), and what the fill's last interval leaves.
 */
export function spareAfterFill(t: number, n: number, fillEnd: number, fillLast: number, full: number, tail: number): number {
  if (t >= n - 1) return 0;
  const idle = n - 1 - Math.max(t + 1, fillEnd);
  const partial = fillEnd - 1 > t && fillEnd - 1 < n - 1 ? full - fillLast : 0;
  return tail - filledAt(n - 1, fillEnd, fillLast, full) + (idle > 0 ? idle * full : 0) + partial;
}

/**
 * kWh uncontrolled charging plans in the t-th interval of a window it charges in up to interval fillEnd - 1: the full
 * bound before that (never the last interval's), fillLast kWh in it, nothing after.
 */
export function filledAt(t: number, fillEnd: number, fillLast: number, full: number): number {
  return t < fillEnd - 1 ? full : t === fillEnd - 1 ? fillLast : 0;
}
