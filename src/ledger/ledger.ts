// The ledger interface every kind implements. A ledger sees transactions only (issuer, size,
// value, fee, time) through the run's TxLog; it knows nothing of EVs or prices.

import type { Simulation } from '../engine/simulation.js';
import type { Rng } from '../engine/rng.js';
import type { TxLog } from '../metrics/txLog.js';
import type { NetworkConfig } from '../scenario/schema.js';
import type { DeviceModel } from '../devices/deviceModel.js';

export type { DeviceModel } from '../devices/deviceModel.js';

/** What a ledger is given when a run starts. */
export interface LedgerContext {
  sim: Simulation;
  /** Named random stream private to this ledger (independent of the workload's streams). */
  stream(name: string): Rng;
  /** Transactions of the run; the ledger calls txLog.confirm(id, sim.now) when one confirms. */
  txLog: TxLog;
  network: NetworkConfig;
  /** Seconds of simulated time, and the warm-up excluded from metrics. */
  duration: number;
  warmup: number;
  /** The device class declared under this name (every ledger's work is charged to a declared device). */
  device(name: string): DeviceModel;
  /** Grid agents of the scenario: the participants who mine or produce blocks of a dedicated V2G chain. */
  agents: number;
  /**
   * Transactions the ledger's per-transaction arrays may be sized for at once (the run's estimate with a margin,
   * transactionCapacity): they grow past it when needed, and pages never written take no memory.
   */
  transactionCapacity?: number;
}

/**
 * Length of a ledger's per-transaction arrays at the start: the run's transaction capacity and one more (the tangle's
 * genesis), at least 1,024. Growing them by doubling from 1,024 copied them about 13 times in a 300,000-EV day, on the
 * run's own thread.
 */
export function transactionArrayLength(ctx: Pick<LedgerContext, 'transactionCapacity'>): number {
  return Math.max(1024, (ctx.transactionCapacity ?? 0) + 1);
}

/** Instantaneous readings, sampled at the end of each time-series bucket (null where not applicable). */
export interface LedgerGauges {
  tips: number | null;
  mempool: number | null;
  ledgerBytes: number;
}

/** Ledger-specific totals reported at the end of a run (whole run unless said otherwise). */
export interface LedgerReport {
  /** Hashes computed for consensus / issuing over the run. */
  hashes: number;
  /** Energy of that computation (and of any other consensus work), kWh. */
  energyKwh: number;
  /** Total ledger size (every node's full copy would hold this), bytes. */
  ledgerBytes: number;
  /** Storage held by a typical node at the end (after offloading where the ledger offloads), bytes. */
  nodeStorageBytes: number;
  /** Bytes sent between nodes (transactions, blocks, headers) over the run. */
  networkBytes: number;
  /** Tangle: time-averaged tips after warm-up; null for other kinds. */
  tipsMean: number | null;
  /** Blockchains: share of mined blocks off the main chain; null for the tangle. */
  staleRate: number | null;
  /** Blockchains: mean time between main-chain blocks; null for the tangle. */
  blockIntervalS: number | null;
  /** Currency an attacker spends per hour to hold half of the consensus power (matching the honest power). */
  attackCostPerHour: number | null;
  /** Mean time and energy one transaction costs its issuing device (signature, proof of work, Merkle proof). */
  issuerComputeSPerTx: number | null;
  issuerEnergyJPerTx: number | null;
  /** Further kind-specific figures, written to runs.csv as extra columns named by their keys. */
  extra?: Record<string, number | null>;
}

/** Chain ledgers: every block found (index = block id, 0 = genesis), for blocks.csv. */
export interface BlockColumns {
  count: number;
  /** Parent block id (-1 for genesis). */
  parent: Int32Array;
  height: Int32Array;
  /** Node that produced the block (-1 for genesis). */
  producer: Int32Array;
  foundAt: Float64Array;
  sizeBytes: Float64Array;
  txCount: Int32Array;
  /** 1 when the block is on the main chain at the end of the run. */
  main: Uint8Array;
}

export interface Ledger {
  /** Fee a transaction of `sizeBytes` would pay if submitted now (0 on fee-less ledgers). */
  feeFor(sizeBytes: number): number;
  /**
   * True when feeFor depends on the ledger's state (a fee market). A split run then quotes each window's
   * fees only after the ledger has taken the window before; absent (every kind today), fees are fixed for
   * the run and the partitions run ahead of the ledger (docs/parallel.md).
   */
  readonly feesChange?: boolean;
  /** Accepts transaction `tx` (already in ctx.txLog) at the current simulated time. */
  submit(tx: number): void;
  gauges(): LedgerGauges;
  /** Called once at the end of the run. */
  report(): LedgerReport;
  /** Chain ledgers: the blocks found (for blocks.csv); absent on ledgers without blocks. */
  blocks?(): BlockColumns;
}

export type LedgerFactory<Config> = (config: Config, ctx: LedgerContext) => Ledger;
