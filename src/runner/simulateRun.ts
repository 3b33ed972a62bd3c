// One run: a pure function of (resolved scenario, ledger, seed). It wires the kernel, the workload
// and the ledger, samples the time series, and returns the run's metrics and rows.

import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';
import { TxLog } from '../metrics/txLog.js';
import { runMetrics, type MetricValue } from '../metrics/runMetrics.js';
import { createLedger } from '../ledger/registry.js';
import { deviceLookup } from '../devices/deviceModel.js';
import type { BlockColumns } from '../ledger/ledger.js';
import { createWorkload } from '../model/workload/registry.js';
import type { MarketIntervalRecord } from '../model/workload/workload.js';
import type { EvRow } from '../model/charging/owners.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from '../scenario/runList.js';
import { DEFAULT_BUCKETS } from '../scenario/limits.js';
import type { TimeseriesRow } from '../store/runStore.js';

export interface RunOutcome {
  metrics: Record<string, MetricValue>;
  timeseries: TimeseriesRow[];
  market: MarketIntervalRecord[];
  log: TxLog;
  /** Chain ledgers with outputs.blocks: every block found; otherwise null. */
  blocks: BlockColumns | null;
  /** Market workload: one row per EV (evs.csv); otherwise null. */
  evs: EvRow[] | null;
}

/** Events between two calls of a run's progress hook (cheap enough to ignore, frequent enough for ~1 s updates). */
const PROGRESS_EVERY_EVENTS = 65_536;

/** `onProgress` hears the simulated time and events reached, every PROGRESS_EVERY_EVENTS events. */
export function simulateRun(scenario: Scenario, run: RunSpec, onProgress?: (simSeconds: number, events: number) => void): RunOutcome {
  const sim = new Simulation();
  if (onProgress) sim.everyEvents(PROGRESS_EVERY_EVENTS, () => onProgress(sim.now, sim.events));
  const streams = new RngStreams(run.seed);
  const txLog = new TxLog();
  const { duration, warmup } = scenario;
  const ledger = createLedger(scenario.ledgers[run.ledgerIndex], {
    sim,
    stream: (name) => streams.stream(`ledger.${name}`),
    txLog,
    network: scenario.network,
    duration,
    warmup,
    device: deviceLookup(scenario.devices),
    agents: scenario.grid.agents,
  });
  const workload = createWorkload(scenario, { sim, stream: (name) => streams.stream(name), txLog, ledger, duration, warmup });

  const timeseries: TimeseriesRow[] = [];
  const bucket = scenario.outputs.timeseriesInterval ?? duration / DEFAULT_BUCKETS;
  let lastSubmitted = 0, lastConfirmed = 0;
  const sample = sim.register(() => {
    const g = ledger.gauges();
    const w = workload.gauges();
    timeseries.push({
      t_s: sim.now,
      submitted: txLog.count - lastSubmitted,
      confirmed: txLog.confirmations - lastConfirmed,
      tips: g.tips,
      mempool: g.mempool,
      price: w.price,
      energy_kwh: w.energyKwh,
      load_kw: w.loadKw,
      v2g_capacity_kw: w.v2gCapacityKw,
      charging_kw: w.chargingKw,
      v2g_energy_kwh: w.v2gEnergyKwh,
      deficit_kw: w.deficitKw,
      ledger_bytes: g.ledgerBytes,
    });
    lastSubmitted = txLog.count;
    lastConfirmed = txLog.confirmations;
    const next = Math.min(duration, sim.now + bucket);
    if (next > sim.now) sim.at(next, sample);
  });
  sim.at(Math.min(bucket, duration), sample);

  workload.start();
  sim.run(duration);

  const metrics = runMetrics(txLog, ledger.report(), workload.report(), warmup, duration, sim.events);
  const blocks = scenario.outputs.blocks ? (ledger.blocks?.() ?? null) : null;
  return { metrics, timeseries, market: workload.intervals?.() ?? [], log: txLog, blocks, evs: workload.evs?.() ?? null };
}
