// A small hand-written stored run (one ledger, one swept key) for tests of the run store and the result files.

import { METRICS } from '../../src/metrics/runMetrics.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256, storePaths, writeStoredRun, type StoredRun, type StoreIdentity } from '../../src/store/runStore.js';
import type { RunSpec } from '../../src/scenario/runList.js';

export const SWEPT = 'workload.rate';
export const IDENTITY: StoreIdentity = { scenarioSha256: 'f'.repeat(64), dv2gVersion: 'test' };

export function storedRun(replication: number, latency: number): StoredRun {
  const run: RunSpec = { runId: `p0-tangle-r${replication}`, point: 0, values: { [SWEPT]: 5 }, ledgerIndex: 0, ledger: 'tangle', ledgerKind: 'tangle', replication, seed: 100 + replication, covers: [0] };
  const metrics = Object.fromEntries(METRICS.map((m, i) => [m, m === 'stale_rate' ? null : i + replication / 4]));
  return {
    run,
    metrics: { ...metrics, latency_mean_s: latency, credit_mean: 0.125 * (replication + 1) },
    timeseries: [0, 60].map((t) => ({ t_s: t, submitted: t + replication, confirmed: t / 2, tips: 3, mempool: null, price: null, energy_kwh: null, load_kw: null, v2g_capacity_kw: null, charging_kw: null, v2g_energy_kwh: null, deficit_kw: null, ledger_bytes: 250 * t })),
    market: [{ t_s: 900, agent: 1, price: 0.25, energy_kwh: 1.5 + replication, demand_kwh: 4, evs: 3, grid_cost: 2, ev_revenue: 0.375, social_welfare: 1.25, optimal_welfare: 1.5, optimal_price: 0.3, optimal_energy_kwh: 2, charging_kw: 5, v2g_capacity_kw: 6, v2g_energy_kwh: 7 }],
    wallSeconds: 0.5,
    eventsPerSecond: 1000,
  };
}

/** Stores `stored` in `dir` as a finished run does: a one-row transactions side file, then the JSON recording its hash. */
export function storeRun(dir: string, stored: StoredRun): void {
  const paths = storePaths(dir, stored.run.runId);
  mkdirSync(dirname(paths.json), { recursive: true });
  const transactions = `${stored.run.runId},tangle,0,7,250,1.5,0,10,12.5,2.5\r\n`;
  writeFileSync(paths.transactions, transactions);
  writeStoredRun(dir, stored, IDENTITY, { transactions: sha256(transactions), blocks: null, evs: null });
}
