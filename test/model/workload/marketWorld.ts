// Test helper: builds a market workload on a stub ledger (fee-less, or with a constant fee) and runs it.

import { Simulation } from '../../../src/engine/simulation.js';
import { RngStreams } from '../../../src/engine/rng.js';
import { TxLog } from '../../../src/metrics/txLog.js';
import type { Ledger } from '../../../src/ledger/ledger.js';
import { marketWorkloadSchema } from '../../../src/scenario/schema.js';
import { fleetSchema, gridSchema, marketSchema } from '../../../src/model/schema.js';
import { MarketWorkload } from '../../../src/model/workload/market.js';
import { chargingSchema } from '../../../src/model/charging/schema.js';

export interface WorldOptions {
  fleet?: Record<string, unknown>;
  grid?: Record<string, unknown>;
  market?: Record<string, unknown>;
  charging?: Record<string, unknown>;
  seed?: number;
  duration?: number;
  warmup?: number;
  /** Constant fee the stub ledger charges per transaction (default 0). */
  fee?: number;
  /** Solve the day-ahead optimum after the run, when first asked for (MarketWorkload's optimumLater). */
  optimumLater?: boolean;
}

/** A ledger that charges a constant fee and confirms every transaction at once. */
export function stubLedger(fee: number, txLog: TxLog, sim: Simulation): Ledger {
  return {
    feeFor: () => fee,
    submit: (tx) => txLog.confirm(tx, sim.now),
    gauges: () => ({ tips: null, mempool: null, ledgerBytes: 0 }),
    report: () => ({ hashes: 0, energyKwh: 0, ledgerBytes: 0, nodeStorageBytes: 0, networkBytes: 0, tipsMean: null, staleRate: null, blockIntervalS: null, attackCostPerHour: null, issuerComputeSPerTx: null, issuerEnergyJPerTx: null }),
  };
}

export function runWorld(options: WorldOptions = {}): { workload: MarketWorkload; txLog: TxLog; sim: Simulation } {
  const sim = new Simulation();
  const streams = new RngStreams(options.seed ?? 1);
  const txLog = new TxLog();
  const duration = options.duration ?? 86400;
  const workload = new MarketWorkload(
    {
      fleet: fleetSchema.parse({ size: 200, ...options.fleet }),
      grid: gridSchema.parse(options.grid ?? {}),
      market: marketSchema.parse(options.market ?? {}),
      workload: marketWorkloadSchema.parse({ kind: 'market' }),
      charging: chargingSchema.parse(options.charging ?? {}),
    },
    { sim, stream: (name) => streams.stream(name), txLog, ledger: stubLedger(options.fee ?? 0, txLog, sim), duration, warmup: options.warmup ?? 0 },
    undefined,
    undefined,
    options.optimumLater,
  );
  workload.start();
  sim.run(duration);
  return { workload, txLog, sim };
}
