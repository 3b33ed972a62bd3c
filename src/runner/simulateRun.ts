// One run: a pure function of (resolved scenario, ledger, seed). It wires the kernel, the workload
// and the ledger, samples the time series, and returns the run's metrics and rows.

import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';
import { TxLog } from '../metrics/txLog.js';
import { runMetrics, type MetricValue } from '../metrics/runMetrics.js';
import { createLedger } from '../ledger/registry.js';
import { deviceLookup } from '../devices/deviceModel.js';
import type { BlockColumns, Ledger } from '../ledger/ledger.js';
import { createWorkload } from '../model/workload/registry.js';
import type { MarketIntervalRecord } from '../model/workload/workload.js';
import type { EvLines } from './split/evLines.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from '../scenario/runList.js';
import { DEFAULT_BUCKETS } from '../scenario/limits.js';
import { transactionCapacity } from '../scenario/estimate.js';
import type { TimeseriesRow } from '../store/runStore.js';
import { sampleTimeseries } from './timeseriesSampler.js';
import { simulateSplitRun } from './split/splitRun.js';

export interface RunOutcome {
  metrics: Record<string, MetricValue>;
  timeseries: TimeseriesRow[];
  market: MarketIntervalRecord[];
  log: TxLog;
  /** Chain ledgers with outputs.blocks: every block found; otherwise null. */
  blocks: BlockColumns | null;
  /** Market workload: evs.csv's rows, one per EV, formatted; otherwise null. */
  evs: EvLines | null;
}

/** Events between two calls of a run's progress hook (cheap enough to ignore, frequent enough for ~1 s updates). */
const PROGRESS_EVERY_EVENTS = 65_536;

/**
 * `onProgress` hears the simulated time and events reached, every PROGRESS_EVERY_EVENTS events (a market
 * run: every market interval). A market run always takes the partitioned path (src/runner/split/), its
 * partitions carried by `split` threads; its results do not depend on `split`.
 */
export function simulateRun(scenario: Scenario, run: RunSpec, onProgress?: (simSeconds: number, events: number) => void, split = 1): RunOutcome {
  if (scenario.workload.kind === 'market') return simulateSplitRun(scenario, run, split, onProgress);
  const sim = new Simulation();
  if (onProgress) sim.everyEvents(PROGRESS_EVERY_EVENTS, () => onProgress(sim.now, sim.events));
  const streams = new RngStreams(run.seed);
  const txLog = new TxLog(transactionCapacity(scenario));
  const { duration, warmup } = scenario;
  const ledger = createRunLedger(scenario, run, sim, streams, txLog);
  const workload = createWorkload(scenario, { sim, stream: (name) => streams.stream(name), txLog, ledger, duration, warmup });

  const timeseries = sampleTimeseries(sim, txLog, ledger, () => workload.gauges(), timeseriesBucket(scenario), duration);

  workload.start();
  sim.run(duration);

  const metrics = runMetrics(txLog, ledger.report(), workload.report(), warmup, duration, sim.events);
  const blocks = scenario.outputs.blocks ? (ledger.blocks?.() ?? null) : null;
  // Only a market workload has evs.csv rows, and it took the split path above.
  return { metrics, timeseries, market: workload.intervals?.() ?? [], log: txLog, blocks, evs: null };
}

/** The run's ledger under test, on kernel `sim`, with its own named streams. */
export function createRunLedger(scenario: Scenario, run: RunSpec, sim: Simulation, streams: RngStreams, txLog: TxLog): Ledger {
  return createLedger(scenario.ledgers[run.ledgerIndex], {
    sim,
    stream: (name) => streams.stream(`ledger.${name}`),
    txLog,
    network: scenario.network,
    duration: scenario.duration,
    warmup: scenario.warmup,
    device: deviceLookup(scenario.devices),
    agents: scenario.grid.agents,
    transactionCapacity: transactionCapacity(scenario),
  });
}

/** Seconds of one time-series bucket. */
export function timeseriesBucket(scenario: Scenario): number {
  return scenario.outputs.timeseriesInterval ?? scenario.duration / DEFAULT_BUCKETS;
}
