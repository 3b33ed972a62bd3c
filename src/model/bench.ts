// Benchmarks of the market: a one-day run of `evs` EVs with default settings against a ledger that
// accepts transactions and does nothing else (the market alone), and the day-ahead optimum alone.

import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';
import { TxLog } from '../metrics/txLog.js';
import type { Ledger, LedgerGauges, LedgerReport } from '../ledger/ledger.js';
import { marketWorkloadSchema } from '../scenario/schema.js';
import { fleetSchema, gridSchema, marketSchema } from './schema.js';
import { chargingSchema } from './charging/schema.js';
import { ChargingPlan } from './charging/plan.js';
import { createMarketWorkload } from './workload/market.js';
import { Fleet } from './fleet.js';
import { GridAgents } from './grid.js';
import { SessionTable } from './sessionTable.js';
import { DayAheadOptimum } from './optimum.js';
import { timed } from '../timing/measurement.js';

export interface MarketBenchResult {
  evs: number;
  /** Market negotiations (grid agents x intervals) and simulator events. */
  negotiations: number;
  events: number;
  transactions: number;
  energyTradedKwh: number;
}

const DAY = 86400;

/** A fee-less ledger that confirms nothing: the cheapest possible receiver of settlements. */
function sinkLedger(): Ledger {
  let count = 0;
  const gauges: LedgerGauges = { tips: null, mempool: null, ledgerBytes: 0 };
  return {
    feeFor: () => 0,
    submit: () => void count++,
    gauges: () => gauges,
    report: (): LedgerReport => ({ hashes: 0, energyKwh: 0, ledgerBytes: 0, nodeStorageBytes: 0, networkBytes: 0, tipsMean: null, staleRate: null, blockIntervalS: null, attackCostPerHour: null, issuerComputeSPerTx: null, issuerEnergyJPerTx: null, extra: { sink_submissions: count } }),
  };
}

export function benchMarket(evs: number, seed = 1): MarketBenchResult {
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const txLog = new TxLog();
  const workload = createMarketWorkload(
    { fleet: fleetSchema.parse({ size: evs }), grid: gridSchema.parse({}), market: marketSchema.parse({}), workload: marketWorkloadSchema.parse({ kind: 'market' }), charging: chargingSchema.parse({}) },
    { sim, stream: (name) => streams.stream(name), txLog, ledger: sinkLedger(), duration: DAY, warmup: 0 },
  );
  workload.start();
  sim.run(DAY);
  const report = workload.report();
  return {
    evs,
    negotiations: workload.intervals?.().length ?? 0,
    events: sim.events,
    transactions: txLog.count,
    energyTradedKwh: report.energyTradedKwh ?? 0,
  };
}

export interface DayAheadBenchResult {
  evs: number;
  sessions: number;
  /** Seconds to draw the world and to solve the optimum; the largest agent's iterations and relative gap. */
  worldSeconds: number;
  solveSeconds: number;
  iterations: number;
  gap: number;
}

/** A day's world for `evs` EVs over 4 agents (load 2 kW and solar 1.4 kW peak per EV). */
function benchWorld(evs: number, seed: number) {
  const streams = new RngStreams(seed);
  const stream = (name: string) => streams.stream(name);
  const fleetConfig = fleetSchema.parse({ size: evs });
  const agents = 4;
  const grid = gridSchema.parse({ agents, load: { peakKw: (2 * evs) / agents }, renewable: { peakKw: (1.4 * evs) / agents } });
  const interval = marketSchema.parse({}).interval;
  const fleet = new Fleet(fleetConfig, agents, stream);
  const intervals = Math.ceil(DAY / interval);
  const agentsWorld = new GridAgents(grid, intervals, interval, stream);
  const sessions = new SessionTable(fleet, fleetConfig, DAY, String(stream('fleet.sessions')()));
  return { fleet, sessions, agentsWorld, interval, intervals };
}

/** Draws a day's world (benchWorld) and times its day-ahead optimum. */
export function benchDayAhead(evs: number, seed = 1): DayAheadBenchResult {
  const world = timed(() => benchWorld(evs, seed));
  const { fleet, sessions, agentsWorld, interval, intervals } = world.value;
  const solve = timed(() => new DayAheadOptimum(fleet, sessions, agentsWorld, { seconds: interval, firstInterval: 0, intervals }));
  const optimum = solve.value;
  return {
    evs, sessions: sessions.count, worldSeconds: world.seconds, solveSeconds: solve.seconds,
    iterations: Math.max(...optimum.solutions.map((s) => s.iterations)), gap: optimum.gap(),
  };
}

export interface ValleyFillingBenchResult {
  evs: number;
  sessions: number;
  /** Seconds to plan the day's charging; the most rounds an agent ran and whether every agent converged. */
  seconds: number;
  rounds: number;
  converged: boolean;
}

/** Plans a day's charging for `evs` EVs (benchWorld) by the valley-filling protocol with the default rounds and tolerance. */
export function benchValleyFilling(evs: number, seed = 1): ValleyFillingBenchResult {
  const { fleet, sessions, agentsWorld, interval } = benchWorld(evs, seed);
  const { value: plan, seconds } = timed(() => new ChargingPlan(fleet, sessions, agentsWorld, interval, chargingSchema.parse({ policy: 'valley-filling' })));
  return { evs, sessions: sessions.count, seconds, rounds: Math.max(...plan.rounds()), converged: plan.outcomes.every((o) => o.converged) };
}
