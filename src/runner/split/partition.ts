// One partition of a split market run: the grid agents g with g mod count = index and their EVs, on a
// kernel of its own, advanced one lock-step window at a time; it hands back the window's market rows
// and transactions (settlements, charging's protocol messages) for the main thread to merge, with the
// last window its day-ahead optimum's figures, and after it, when asked, its EVs' evs.csv rows.

import { Simulation } from '../../engine/simulation.js';
import { RngStreams } from '../../engine/rng.js';
import { TxLog } from '../../metrics/txLog.js';
import { MarketWorkload } from '../../model/workload/market.js';
import type { MarketIntervalRecord } from '../../model/workload/workload.js';
import type { Scenario } from '../../scenario/schema.js';
import type { SharedFleet } from '../../model/fleet.js';
import { RecordingLedger, type FeeQuotes } from './recordingLedger.js';
import { formatEvLines, type EvLines, type EvTag } from './evLines.js';
import { ensureLength } from '../../engine/typedArrays.js';
import type { OptimumColumns } from '../../model/workload/optimumColumns.js';

export interface PartitionSpec {
  scenario: Scenario;
  seed: number;
  index: number;
  count: number;
  /** The ledger's fee quotes at time 0. */
  fees: FeeQuotes;
  /** The run's cells at the start of each evs.csv row. */
  evsTag: EvTag;
  /** The fleet, drawn once by the run's thread on shared memory (without it the partition draws its own). */
  fleet?: SharedFleet;
  /**
   * Solve the day-ahead optimum after the last window rather than before the first (the run's own thread carries no
   * partition and only waits for the first window: its ledger gets the first window sooner).
   */
  optimumLater?: boolean;
}

/** What the main thread asks of a partition for one window. */
export interface WindowStep {
  fees: FeeQuotes;
  end: number;
  /** The run's last window: events at `end` itself (the run's duration) belong to it. */
  last: boolean;
}

/** Asked once after the last window: the partition advances nothing and hands back its EVs' evs.csv rows. */
export interface EvsStep {
  evs: true;
}

/** What the main thread sends a partition; each step gets one PartitionWindow back, in the order sent. */
export type PartitionStep = WindowStep | EvsStep;

/** Columns of one transaction in PartitionWindow.tx (row-major); a protocol message's delay share is 0. */
export const TX = { time: 0, agent: 1, ev: 2, value: 3, fee: 4, size: 5, delaySum: 6, delayCount: 7, fields: 8 } as const;

/** One window's output of one partition. */
export interface PartitionWindow {
  /** Market rows in agent order, with each row's net load (kW: load plus charging less V2G) alongside. */
  records: MarketIntervalRecord[];
  netLoadKw: Float64Array<ArrayBuffer>;
  /** Transactions in (time, agent, EV) order (event order among one EV's at one instant), TX.fields numbers each. */
  tx: Float64Array<ArrayBuffer>;
  /** The answer to an EvsStep (and nothing else): the evs.csv rows of the partition's EVs, formatted, in EV order; otherwise null. */
  evs: EvLines | null;
  /** The last window: the day-ahead optimum's figures of the partition's agents; otherwise null. */
  optimum: OptimumColumns | null;
  /** The last window: each grid agent's charging-plan rounds (those of the partition's own agents; 0 for the others). */
  chargingRounds: number[];
  /** Events the partition's kernel has processed so far. */
  events: number;
}

export class MarketPartition {
  private readonly sim: Simulation;
  private readonly txLog = new TxLog();
  private readonly ledger: RecordingLedger;
  private readonly workload: MarketWorkload;
  /**
   * The window's transactions so far, TX.fields numbers each, written as each is submitted, while its EV's entries
   * and the log's are fresh in the cache (keeping the ids and reading them back at the window's end took this thread
   * 4.3 of its 55 s in a 1,000,000-EV tangle day).
   */
  private windowTx = new Float64Array(1024 * TX.fields);
  private windowTxRows = 0;
  private recordsSent = 0;
  /** Hours of one market interval. */
  private readonly hours: number;
  private readonly evsTag: EvTag;

  constructor(spec: PartitionSpec) {
    const { scenario, index, count } = spec;
    if (scenario.workload.kind !== 'market') throw new Error('only a market run can be split');
    // Arrivals and departures wait far ahead; one market interval of them at a time is in the heap.
    this.sim = new Simulation({ bucketSeconds: scenario.market.interval });
    const streams = new RngStreams(spec.seed);
    this.hours = scenario.market.interval / 3600;
    this.evsTag = spec.evsTag;
    this.ledger = new RecordingLedger(spec.fees, (tx) => this.record(tx));
    const ctx = { sim: this.sim, stream: (name: string) => streams.stream(name), txLog: this.txLog, ledger: this.ledger, duration: scenario.duration, warmup: scenario.warmup };
    const world = { fleet: scenario.fleet, grid: scenario.grid, market: scenario.market, workload: scenario.workload, charging: scenario.charging };
    this.workload = new MarketWorkload(world, ctx, (g) => g % count === index, spec.fleet, spec.optimumLater);
    this.workload.start();
  }

  advance(step: PartitionStep): PartitionWindow {
    if ('evs' in step) {
      const evs = formatEvLines(this.workload.evRowSource(), this.evsTag);
      return { records: [], netLoadKw: new Float64Array(0), tx: new Float64Array(0), evs, optimum: null, chargingRounds: [], events: this.sim.events };
    }
    this.ledger.fees = step.fees;
    if (step.last) this.sim.run(step.end);
    else this.sim.runBefore(step.end);
    const last = step.last ? { optimum: this.workload.optimumColumns(), chargingRounds: this.workload.charging.rounds() } : { optimum: null, chargingRounds: [] };
    return { ...this.windowRecords(), tx: this.windowTransactions(), evs: null, ...last, events: this.sim.events };
  }

  private windowRecords(): Pick<PartitionWindow, 'records' | 'netLoadKw'> {
    const records = this.workload.intervals().slice(this.recordsSent);
    this.recordsSent += records.length;
    const { hours } = this;
    const netLoadKw = Float64Array.from(records, (r) => this.workload.grid.loadKw(r.agent, r.t_s) - r.energy_kwh / hours + r.charging_kw);
    return { records, netLoadKw };
  }

  /** Adds submitted transaction `id` (just logged) to the window's rows, with the settlement delay share it carries. */
  private record(id: number): void {
    const { txLog } = this;
    const { settlement, fleet } = this.workload;
    const row = this.windowTxRows++ * TX.fields;
    if (row + TX.fields > this.windowTx.length) this.windowTx = ensureLength(this.windowTx, row + TX.fields);
    const w = this.windowTx;
    const ev = txLog.issuer[id];
    w[row + TX.time] = txLog.submittedAt[id];
    w[row + TX.agent] = fleet.agent[ev];
    w[row + TX.ev] = fleet.id[ev];
    w[row + TX.value] = txLog.value[id];
    w[row + TX.fee] = txLog.feeOf(id);
    w[row + TX.size] = txLog.sizeBytes[id];
    w[row + TX.delaySum] = settlement.lastDelaySum;
    w[row + TX.delayCount] = settlement.lastDelayCount;
    // Each share is taken once: a submission that is no settlement (a protocol message) carries none.
    settlement.lastDelaySum = settlement.lastDelayCount = 0;
  }

  private windowTransactions(): Float64Array<ArrayBuffer> {
    const tx = this.windowTx.slice(0, this.windowTxRows * TX.fields);
    this.windowTxRows = 0;
    // The window's transactions are handed over; the local log restarts (its ids are never used again).
    this.txLog.count = 0;
    return sortTransactions(tx);
  }
}

/** The (time, agent, EV) order of the transaction rows starting at x[a] and y[b]: negative when the first comes first. */
export function txOrder(x: Float64Array, a: number, y: Float64Array, b: number): number {
  return x[a + TX.time] - y[b + TX.time] || x[a + TX.agent] - y[b + TX.agent] || x[a + TX.ev] - y[b + TX.ev];
}

/**
 * Sorts one partition's window of transactions by (time, agent, EV), stably, so two transactions of one EV at
 * one instant keep the partition's event order. Done in the partition's own thread; a window already in order
 * (the partition submits in time order, and mostly one agent at an instant) is handed back as it is.
 */
export function sortTransactions(tx: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  let inOrder = true;
  for (let row = TX.fields; row < tx.length && inOrder; row += TX.fields) inOrder = txOrder(tx, row - TX.fields, tx, row) <= 0;
  if (inOrder) return tx;
  const order = Array.from({ length: tx.length / TX.fields }, (_, i) => i * TX.fields);
  order.sort((a, b) => txOrder(tx, a, tx, b));
  const sorted = new Float64Array(tx.length);
  order.forEach((row, k) => sorted.set(tx.subarray(row, row + TX.fields), k * TX.fields));
  return sorted;
}
