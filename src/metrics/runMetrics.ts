// The metrics of one run (SPEC.md's runs.csv columns), computed from the transaction log, the
// ledger's report and the workload's report. Transaction metrics count what was submitted after warm-up;
// with the market, fees_total is what the EVs paid to settle after warm-up and welfare_net_of_fees W minus it.

import { quantileSorted } from 'simple-statistics';
import { TxLog } from './txLog.js';
import { sortDoubles } from './sortDoubles.js';
import type { LedgerReport } from '../ledger/ledger.js';
import type { WorkloadReport } from '../model/workload/workload.js';

export type MetricValue = number | null;

/** The metric columns of runs.csv, in order. Ledger-specific extras follow them. */
export const METRICS = [
  'tx_submitted', 'tx_confirmed', 'tx_unconfirmed', 'throughput_tps',
  'latency_mean_s', 'latency_p50_s', 'latency_p95_s', 'latency_p99_s',
  'fee_per_tx', 'fee_to_value_ratio', 'hashes_per_tx', 'ledger_energy_kwh',
  'ledger_bytes', 'node_storage_bytes', 'network_bytes_per_tx', 'tips_mean', 'stale_rate', 'block_interval_s',
  'energy_traded_kwh', 'grid_cost', 'ev_revenue', 'social_welfare', 'optimality_gap', 'settlement_delay_mean_s',
  'fees_total', 'welfare_net_of_fees',
  'charging_iterations', 'charging_energy_kwh', 'charging_cost', 'owners_losing_share',
  'events', 'attack_cost_per_hour', 'issuer_compute_s_per_tx', 'issuer_energy_j_per_tx',
] as const;

export type MetricName = (typeof METRICS)[number];

/** What runs.csv reports of the transaction log alone (after warm-up): counts, fees, value and the latencies' summary. */
export interface TransactionSummary {
  submitted: number;
  confirmed: number;
  /** Confirmed (whenever submitted) within [warmup, duration]. */
  confirmedInWindow: number;
  /** Confirmed at any time, warm-up included. */
  confirmedTotal: number;
  feeSum: number;
  valueSum: number;
  latencyMean: MetricValue;
  latencyP50: MetricValue;
  latencyP95: MetricValue;
  latencyP99: MetricValue;
}

/**
 * The transaction log's part of the metrics. It needs nothing from the workload, so a split run computes it (its
 * latencies sorted: most of the work) while the partitions still format their evs.csv rows.
 */
export function summariseTransactions(log: TxLog, warmup: number, duration: number): TransactionSummary {
  let submitted = 0, feeSum = 0, valueSum = 0, confirmedInWindow = 0, confirmedTotal = 0;
  // At most one latency per transaction: filled in place, then sorted as typed doubles (a national run has millions).
  const latencies = new Float64Array(log.count);
  let confirmed = 0;
  for (let id = 0; id < log.count; id++) {
    const confirmedAt = log.confirmedAt[id];
    const isConfirmed = confirmedAt === confirmedAt;
    if (isConfirmed) {
      confirmedTotal++;
      if (confirmedAt >= warmup && confirmedAt <= duration) confirmedInWindow++;
    }
    if (log.submittedAt[id] < warmup) continue;
    submitted++;
    feeSum += log.feeOf(id);
    valueSum += log.value[id];
    if (isConfirmed) latencies[confirmed++] = confirmedAt - log.submittedAt[id];
  }
  const sorted = sortDoubles(latencies.subarray(0, confirmed));
  const quantile = (p: number): MetricValue => (sorted.length ? quantileSorted(sorted as unknown as number[], p) : null);
  return {
    submitted, confirmed, confirmedInWindow, confirmedTotal, feeSum, valueSum,
    latencyMean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
    latencyP50: quantile(0.5),
    latencyP95: quantile(0.95),
    latencyP99: quantile(0.99),
  };
}

/** The metrics of one run, from its transaction log (or that log's summary, made beforehand) and the two reports. */
export function runMetrics(log: TxLog | TransactionSummary, ledger: LedgerReport, workload: WorkloadReport, warmup: number, duration: number, events: number): Record<string, MetricValue> {
  const tx = log instanceof TxLog ? summariseTransactions(log, warmup, duration) : log;
  const { submitted, confirmed, confirmedTotal, feeSum, valueSum } = tx;
  const perConfirmed = (total: number): MetricValue => (confirmedTotal > 0 ? total / confirmedTotal : null);

  const metrics: Record<MetricName, MetricValue> = {
    tx_submitted: submitted,
    tx_confirmed: confirmed,
    tx_unconfirmed: submitted - confirmed,
    throughput_tps: tx.confirmedInWindow / (duration - warmup),
    latency_mean_s: tx.latencyMean,
    latency_p50_s: tx.latencyP50,
    latency_p95_s: tx.latencyP95,
    latency_p99_s: tx.latencyP99,
    fee_per_tx: submitted > 0 ? feeSum / submitted : null,
    fee_to_value_ratio: valueSum > 0 ? feeSum / valueSum : null,
    hashes_per_tx: perConfirmed(ledger.hashes),
    ledger_energy_kwh: ledger.energyKwh,
    ledger_bytes: ledger.ledgerBytes,
    node_storage_bytes: ledger.nodeStorageBytes,
    network_bytes_per_tx: perConfirmed(ledger.networkBytes),
    tips_mean: ledger.tipsMean,
    stale_rate: ledger.staleRate,
    block_interval_s: ledger.blockIntervalS,
    energy_traded_kwh: workload.energyTradedKwh,
    grid_cost: workload.gridCost,
    ev_revenue: workload.evRevenue,
    social_welfare: workload.socialWelfare,
    optimality_gap: workload.optimalityGap,
    settlement_delay_mean_s: workload.settlementDelayMeanS,
    fees_total: workload.socialWelfare === null ? null : feeSum,
    welfare_net_of_fees: workload.socialWelfare === null ? null : workload.socialWelfare - feeSum,
    charging_iterations: workload.chargingIterations,
    charging_energy_kwh: workload.chargingEnergyKwh,
    charging_cost: workload.chargingCost,
    owners_losing_share: workload.ownersLosingShare,
    events,
    attack_cost_per_hour: ledger.attackCostPerHour,
    issuer_compute_s_per_tx: ledger.issuerComputeSPerTx,
    issuer_energy_j_per_tx: ledger.issuerEnergyJPerTx,
  };
  return { ...metrics, ...(ledger.extra ?? {}) };
}
