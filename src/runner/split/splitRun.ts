// A market run split over threads (docs/parallel.md): partitions of grid agents and their EVs advance
// in lock-step windows of one market interval, each with the ledger's fee quote at the window's start;
// the main thread merges their rows, transactions and evs.csv rows and drives the one real ledger on its own kernel.

import { Simulation } from '../../engine/simulation.js';
import { RngStreams } from '../../engine/rng.js';
import { TxLog } from '../../metrics/txLog.js';
import { runMetrics } from '../../metrics/runMetrics.js';
import type { Scenario } from '../../scenario/schema.js';
import type { RunSpec } from '../../scenario/runList.js';
import { createRunLedger, timeseriesBucket, type RunOutcome } from '../simulateRun.js';
import { sampleTimeseries } from '../timeseriesSampler.js';
import { MarketPartition, TX, type PartitionSpec } from './partition.js';
import { RemotePartition } from './remotePartition.js';
import type { FeeQuotes } from './recordingLedger.js';
import { mergeWindow } from './mergeWindow.js';
import { MarketReduction } from './marketReduction.js';

/**
 * The market run over `threads` threads (this one and threads - 1 workers), as many partitions as
 * threads (at most one per grid agent). Its outcome is the same, byte for byte, for any `threads`.
 */
export function simulateSplitRun(scenario: Scenario, run: RunSpec, threads: number, onProgress?: (simSeconds: number, events: number) => void): RunOutcome {
  if (scenario.workload.kind !== 'market') throw new Error('only a market run can be split');
  const { duration, warmup, market } = scenario;
  const sizes = [scenario.workload.txSize, scenario.charging.messageSize];
  const sim = new Simulation();
  const txLog = new TxLog();
  const ledger = createRunLedger(scenario, run, sim, new RngStreams(run.seed), txLog);
  const reduction = new MarketReduction(warmup, market.interval / 3600);
  const quotes = (): FeeQuotes => Object.fromEntries(sizes.map((size) => [size, ledger.feeFor(size)]));
  const timeseries = sampleTimeseries(sim, txLog, ledger, () => reduction.gauges(sim.now), timeseriesBucket(scenario), duration);

  let pending: Float64Array = new Float64Array(0);
  const submitKind = sim.register((row) => {
    const tx = txLog.add(pending[row + TX.ev], pending[row + TX.size], pending[row + TX.value], pending[row + TX.fee], sim.now);
    ledger.submit(tx);
  });

  const count = Math.max(1, Math.min(threads, scenario.grid.agents));
  const spec = (index: number): PartitionSpec => ({ scenario, seed: run.seed, index, count, fees: quotes() });
  const remotes = Array.from({ length: count - 1 }, (_, i) => new RemotePartition(spec(i + 1)));
  try {
    const local = new MarketPartition(spec(0));
    const windows = Math.ceil(duration / market.interval);
    let partitionEvents = 0;
    for (let k = 0; k < windows; k++) {
      const last = k === windows - 1;
      const step = { fees: quotes(), end: last ? duration : (k + 1) * market.interval, last };
      for (const remote of remotes) remote.send(step);
      const parts = [local.advance(step), ...remotes.map((remote) => remote.receive())];
      partitionEvents = parts.reduce((n, part) => n + part.events, 0);
      const merged = mergeWindow(parts);
      reduction.add(merged);
      pending = merged.tx;
      for (let row = 0; row < pending.length; row += TX.fields) sim.at(pending[row + TX.time], submitKind, row);
      if (last) sim.run(duration);
      else sim.runBefore(step.end);
      onProgress?.(sim.now, sim.events + partitionEvents);
    }
    // The events of one kernel holding the whole run: each partition clears every interval (count once),
    // and the main kernel's submissions stand for the workload's own.
    const events = sim.events - txLog.count + partitionEvents - (count - 1) * windows;
    const metrics = runMetrics(txLog, ledger.report(), reduction.report(local.chargingRounds()), warmup, duration, events);
    const blocks = scenario.outputs.blocks ? (ledger.blocks?.() ?? null) : null;
    return { metrics, timeseries, market: reduction.records, log: txLog, blocks, evs: reduction.evs };
  } finally {
    for (const remote of remotes) remote.close();
  }
}
