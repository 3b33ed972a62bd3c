// Benchmark of the market workload alone: a one-day run of `evs` EVs with default settings against a
// ledger that accepts transactions and does nothing else, so that dv2g bench times the market alone.

import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';
import { TxLog } from '../metrics/txLog.js';
import type { Ledger, LedgerGauges, LedgerReport } from '../ledger/ledger.js';
import { marketWorkloadSchema } from '../scenario/schema.js';
import { fleetSchema, gridSchema, marketSchema } from './schema.js';
import { createMarketWorkload } from './workload/market.js';

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
    { fleet: fleetSchema.parse({ size: evs }), grid: gridSchema.parse({}), market: marketSchema.parse({}), workload: marketWorkloadSchema.parse({ kind: 'market' }) },
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
