// A market run split over threads (docs/parallel.md): partitions of grid agents and their EVs advance
// in lock-step windows of one market interval, each with the ledger's fee quote at the window's start;
// the main thread merges their rows, transactions and evs.csv rows and drives the one real ledger on its own kernel.

import { Simulation } from '../../engine/simulation.js';
import { RngStreams } from '../../engine/rng.js';
import { Fleet } from '../../model/fleet.js';
import { TxLog } from '../../metrics/txLog.js';
import { runMetrics, summariseTransactions } from '../../metrics/runMetrics.js';
import type { Scenario } from '../../scenario/schema.js';
import type { RunSpec } from '../../scenario/runList.js';
import { createRunLedger, timeseriesBucket, type RunOutcome } from '../simulateRun.js';
import { transactionCapacity } from '../../scenario/estimate.js';
import { sampleTimeseries } from '../timeseriesSampler.js';
import { MarketPartition, TX, type EvsStep, type PartitionSpec, type PartitionStep, type PartitionWindow, type WindowStep } from './partition.js';
import { RemotePartition, type PartitionHandle } from './remotePartition.js';
import type { FeeQuotes } from './recordingLedger.js';
import { mergeWindow } from './mergeWindow.js';
import { MarketReduction } from './marketReduction.js';
import { mergeEvLines, type EvLines } from './evLines.js';
import { partitionLayout } from './layout.js';

export interface SplitOptions {
  /** Every window waits for the ledger, as with a ledger whose fees change (tests: the two schedules agree). */
  lockStep?: boolean;
  /** Partitions asked for their evs.csv rows at once (default EVS_AT_ONCE; tests: any number gives the same rows). */
  evsAtOnce?: number;
}

/**
 * The market run over `threads` threads, in the partitions partitionLayout gives (docs/parallel.md). Its
 * outcome is the same, byte for byte, for any `threads`.
 */
export function simulateSplitRun(scenario: Scenario, run: RunSpec, threads: number, onProgress?: (simSeconds: number, events: number) => void, options: SplitOptions = {}): RunOutcome {
  if (scenario.workload.kind !== 'market') throw new Error('only a market run can be split');
  const { duration, warmup, market } = scenario;
  const sizes = [scenario.workload.txSize, scenario.charging.messageSize];
  const sim = new Simulation();
  const txLog = new TxLog(transactionCapacity(scenario));
  const ledger = createRunLedger(scenario, run, sim, new RngStreams(run.seed), txLog);
  const reduction = new MarketReduction(warmup, market.interval);
  const quotes = (): FeeQuotes => Object.fromEntries(sizes.map((size) => [size, ledger.feeFor(size)]));
  const timeseries = sampleTimeseries(sim, txLog, ledger, () => reduction.gauges(sim.now), timeseriesBucket(scenario), duration);

  let pending: Float64Array = new Float64Array(0);
  const submitKind = sim.register((payload) => {
    const row = payload - TX.time;
    const tx = txLog.add(pending[row + TX.ev], pending[row + TX.size], pending[row + TX.value], pending[row + TX.fee], sim.now);
    ledger.submit(tx);
  });

  const { count, workerThreads } = partitionLayout(scenario, run, threads);
  const evsTag = { run_id: run.runId, ledger: run.ledger };
  // With fixed fees the partitions run ahead of the ledger, all on worker threads, while this thread
  // drives the ledger; with changing fees each window waits for the ledger, so partition 0 runs here.
  const ahead = workerThreads && !ledger.feesChange && !options.lockStep ? WINDOWS_AHEAD : 0;
  // Where this thread carries no partition it only waits for the first window, while the partitions draw their
  // worlds: there the partitions solve their day-ahead optimum after their last window, while this thread's ledger
  // catches up with them, rather than before the first.
  const ledgerAlone = ahead > 0 && count < threads;
  const partitions: PartitionHandle[] = [];
  const evsAtOnce = options.evsAtOnce ?? EVS_AT_ONCE;
  const askEvs = (first: number) => partitions.slice(first, first + evsAtOnce).forEach((partition) => partition.send(EVS_STEP));
  try {
    // The partitions' threads start first and load their code while this thread draws the fleet (half a second for a
    // million EVs), which several partitions share, drawn here on shared memory, instead of each drawing and keeping its own.
    for (let index = 0; index < count; index++) partitions.push(index === 0 && ahead === 0 ? new LocalPartition() : new RemotePartition(index, count));
    const streams = new RngStreams(run.seed);
    const fleet = count > 1 ? new Fleet(scenario.fleet, scenario.grid.agents, (name) => streams.stream(name), 'shared').share() : undefined;
    partitions.forEach((partition, index) => partition.build({ scenario, seed: run.seed, index, count, fees: quotes(), evsTag, fleet, optimumLater: ledgerAlone }));
    const windows = Math.ceil(duration / market.interval);
    const stepOf = (k: number): WindowStep => (k === windows - 1 ? { fees: quotes(), end: duration, last: true } : { fees: quotes(), end: (k + 1) * market.interval, last: false });
    let sent = 0;
    let partitionEvents = 0;
    let chargingRounds: number[] = [];
    for (let k = 0; k < windows; k++) {
      for (; sent <= Math.min(k + ahead, windows - 1); sent++) {
        const step = stepOf(sent);
        for (const partition of partitions) partition.send(step);
        // The first partitions format their evs.csv rows while this thread still drives the ledger.
        if (step.last) askEvs(0);
      }
      const parts = partitions.map((partition) => partition.receive());
      partitionEvents = parts.reduce((n, part) => n + part.events, 0);
      const merged = mergeWindow(parts);
      reduction.add(merged);
      // Partition p plans the agents g with g mod count = p, and solves their optimum (its columns come with the last window).
      if (k === windows - 1) {
        chargingRounds = parts[0].chargingRounds.map((_, g) => parts[g % count].chargingRounds[g]);
        const optima = parts.map((part) => part.optimum!);
        reduction.fillOptimum((g) => optima[g % count]);
      }
      pending = merged.tx;
      // Already in (time, agent, EV) order: one heap entry at a time for the whole window.
      sim.atSorted(pending, TX.time, TX.fields, pending.length / TX.fields, submitKind);
      if (k === windows - 1) sim.run(duration);
      else sim.runBefore((k + 1) * market.interval);
      onProgress?.(sim.now, sim.events + partitionEvents);
    }
    // The ledger's report and the log's summary (its latencies sorted) while the partitions format their rows.
    const ledgerReport = ledger.report();
    const transactions = summariseTransactions(txLog, warmup, duration);
    const evs: EvLines[] = [];
    for (let first = 0; first < count; first += evsAtOnce) {
      if (first > 0) askEvs(first);
      // Each partition's thread goes, with its world, once it has handed its rows over.
      for (const partition of partitions.slice(first, first + evsAtOnce)) {
        evs.push(partition.receive().evs!);
        partition.close();
      }
    }
    reduction.evs = mergeEvLines(evs);
    // The events of one kernel holding the whole run: each partition clears every interval (count once),
    // and the main kernel's submissions stand for the workload's own.
    const events = sim.events - txLog.count + partitionEvents - (count - 1) * windows;
    const metrics = runMetrics(transactions, ledgerReport, reduction.report(chargingRounds), warmup, duration, events);
    const blocks = scenario.outputs.blocks ? (ledger.blocks?.() ?? null) : null;
    return { metrics, timeseries, market: reduction.records, log: txLog, blocks, evs: reduction.evs };
  } finally {
    for (const partition of partitions) partition.close();
  }
}

/**
 * Windows a partition may run ahead of the ledger when fees are fixed (bounds the windows held in memory, about
 * 10 MB each in a 1,000,000-EV day). The ledger's work and the market's do not peak in the same windows: with 8
 * the partition of a 1,000,000-EV tangle day on 2 threads waited about 3 s for the ledger while the ledger later
 * waited for it (simulated in 60.5 s; 58.0-58.6 s with 24, 57.6 s with no bound).
 */
const WINDOWS_AHEAD = 24;

const EVS_STEP: EvsStep = { evs: true };
/**
 * Partitions asked for their evs.csv rows at once, at most. Each formats them with its world still alive. In round 20
 * all 16 partitions of a 1,000,000-EV day at once added 0.7 GB (PoW: 1,874 -> 2,566 MB), more than the tangle's day had
 * left under 4 GB, so they went 4 at a time, and on 16 cores the 4 groups took 1.7 s of that PoW day's 14 s. Since
 * their chunks are encoded at their exact size (a partition of 70,000 EVs formats in 16 MB, 30 before), 8 at a time
 * left the days' peaks where 4 had them (`--split 16` on 2 cores: the tangle 3,530-3,570 MiB against 3,476-3,559,
 * LightChain 3,042 against 2,971, PoW 1,822 against 1,775-1,839); 16 took the tangle to 3,730 MiB.
 */
const EVS_AT_ONCE = 8;

/** Partition 0 on this thread: a window runs when its answer is asked for. */
class LocalPartition implements PartitionHandle {
  private partition?: MarketPartition;
  private readonly steps: PartitionStep[] = [];

  build(spec: PartitionSpec): void {
    this.partition = new MarketPartition(spec);
  }

  send(step: PartitionStep): void {
    this.steps.push(step);
  }

  receive(): PartitionWindow {
    if (!this.partition) throw new Error('a split run asked partition 0 for a window before building it');
    const step = this.steps.shift();
    if (!step) throw new Error('a split run asked partition 0 for a window it was not sent');
    return this.partition.advance(step);
  }

  close(): void {}
}
