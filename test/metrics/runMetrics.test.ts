// runMetrics on a hand-built transaction log and hand-written ledger and workload reports, every
// expected figure worked out by hand below (warm-up 10 s, duration 100 s).

import { describe, expect, it } from 'vitest';
import { METRICS, runMetrics, summariseTransactions } from '../../src/metrics/runMetrics.js';
import { TxLog } from '../../src/metrics/txLog.js';
import type { LedgerReport } from '../../src/ledger/ledger.js';
import type { WorkloadReport } from '../../src/model/workload/workload.js';

const WARMUP = 10;
const DURATION = 100;

const ledger: LedgerReport = {
  hashes: 1000, energyKwh: 2.5, ledgerBytes: 1500, nodeStorageBytes: 700, networkBytes: 5000,
  tipsMean: 3.25, staleRate: null, blockIntervalS: null, attackCostPerHour: 0.75, issuerComputeSPerTx: 0.01, issuerEnergyJPerTx: 0.02, extra: { credit_mean: 0.5 },
};
const workload: WorkloadReport = { energyTradedKwh: 12, gridCost: 30, evRevenue: 18, socialWelfare: 40, optimalityGap: 0.1, settlementDelayMeanS: 7, chargingIterations: 12, chargingEnergyKwh: 30, chargingCost: 4.5, ownersLosingShare: 0.25 };

/** Six transactions: [submitted, fee, value, confirmed (NaN: never)]. */
function handBuiltLog(): TxLog {
  const log = new TxLog();
  const txs: [number, number, number, number][] = [
    [5, 9, 9, NaN], // submitted in warm-up: not counted as submitted; its confirmation below is
    [10, 1, 100, 14], // latency 4
    [20, 2, 50, 30], // latency 10
    [30, 0.5, 50, 31], // latency 1
    [40, 0.5, 0, NaN], // never confirmed
    [50, 1, 100, 110], // latency 60, confirmed after the end: not in the throughput window
  ];
  txs.forEach(([submitted, fee, value, confirmed], id) => {
    log.add(id, 250, value, fee, submitted);
    if (confirmed === confirmed) log.confirm(id, confirmed);
  });
  log.confirm(0, 12);
  return log;
}

describe('runMetrics', () => {
  it('computes every metric of a hand-built log as worked out by hand', () => {
    const m = runMetrics(handBuiltLog(), ledger, workload, WARMUP, DURATION, 4321);
    expect(Object.keys(m)).toEqual([...METRICS, 'credit_mean']);
    expect(m.tx_submitted).toBe(5); // ids 1-5
    expect(m.tx_confirmed).toBe(4); // ids 1, 2, 3, 5
    expect(m.tx_unconfirmed).toBe(1); // id 4
    expect(m.throughput_tps).toBeCloseTo(4 / 90, 12); // confirmations at 12, 14, 30, 31 within [10, 100]
    expect(m.latency_mean_s).toBeCloseTo((4 + 10 + 1 + 60) / 4, 12);
    // sorted 1, 4, 10, 60; linear interpolation at position (n - 1) p (R type 7, numpy's default)
    expect(m.latency_p50_s).toBeCloseTo(4 + 0.5 * (10 - 4), 12); // position 1.5
    expect(m.latency_p95_s).toBeCloseTo(10 + 0.85 * (60 - 10), 12); // position 2.85
    expect(m.latency_p99_s).toBeCloseTo(10 + 0.97 * (60 - 10), 12); // position 2.97
    expect(m.fee_per_tx).toBeCloseTo((1 + 2 + 0.5 + 0.5 + 1) / 5, 12);
    expect(m.fee_to_value_ratio).toBeCloseTo(5 / 300, 12);
    expect(m.hashes_per_tx).toBeCloseTo(1000 / 5, 12); // per confirmed transaction, warm-up included: ids 0, 1, 2, 3, 5
    expect(m.network_bytes_per_tx).toBeCloseTo(5000 / 5, 12);
    expect(m).toMatchObject({
      ledger_energy_kwh: 2.5, ledger_bytes: 1500, node_storage_bytes: 700, tips_mean: 3.25, stale_rate: null, block_interval_s: null,
      energy_traded_kwh: 12, grid_cost: 30, ev_revenue: 18, social_welfare: 40, optimality_gap: 0.1, settlement_delay_mean_s: 7,
      events: 4321, credit_mean: 0.5,
    });
  });

  it('gives the same metrics from a summary of the log made beforehand (as a split run does) as from the log', () => {
    const summary = summariseTransactions(handBuiltLog(), WARMUP, DURATION);
    expect(summary).toMatchObject({ submitted: 5, confirmed: 4, confirmedInWindow: 4, confirmedTotal: 5 });
    expect(runMetrics(summary, ledger, workload, WARMUP, DURATION, 4321)).toEqual(runMetrics(handBuiltLog(), ledger, workload, WARMUP, DURATION, 4321));
  });

  it('leaves latency and per-transaction figures empty when nothing confirmed', () => {
    const log = new TxLog();
    log.add(0, 250, 0, 0, 20);
    const m = runMetrics(log, ledger, workload, WARMUP, DURATION, 0);
    expect(m).toMatchObject({ tx_submitted: 1, tx_confirmed: 0, tx_unconfirmed: 1, throughput_tps: 0, fee_per_tx: 0 });
    for (const k of ['latency_mean_s', 'latency_p50_s', 'latency_p99_s', 'hashes_per_tx', 'network_bytes_per_tx', 'fee_to_value_ratio']) expect(m[k], k).toBeNull();
  });
});
