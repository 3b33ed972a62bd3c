// writeResultFiles on a tiny hand-written run store (two replications of one ledger, one swept key):
// runs.csv, aggregate.csv, timeseries.csv, market.csv and transactions.csv read back with csv-parse
// equal what went in, and no temporary file is left.

import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeResultFiles } from '../../src/output/resultFiles.js';
import { METRICS } from '../../src/metrics/runMetrics.js';
import { summarize } from '../../src/metrics/aggregate.js';
import { sha256, storePaths, writeStoredRun, type StoredRun, type StoreIdentity } from '../../src/store/runStore.js';
import type { RunSpec } from '../../src/scenario/runList.js';
import { tempDir } from '../runner/helpers.js';

const SWEPT = 'workload.rate';
const IDENTITY: StoreIdentity = { scenarioSha256: 'f'.repeat(64), dv2gVersion: 'test' };

function storedRun(replication: number, latency: number): StoredRun {
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

function parseFile(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** A number or missing value as the CSV writes it. */
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('writeResultFiles', () => {
  it('writes files that a CSV reader turns back into the stored runs', async () => {
    const dir = tempDir();
    const stored = [storedRun(0, 1.5), storedRun(1, 2.5)];
    for (const s of stored) {
      const paths = storePaths(dir, s.run.runId);
      mkdirSync(join(paths.json, '..'), { recursive: true });
      const transactions = `${s.run.runId},tangle,0,7,250,1.5,0,10,12.5,2.5\r\n`;
      writeFileSync(paths.transactions, transactions);
      writeStoredRun(dir, s, IDENTITY, { transactions: sha256(transactions), blocks: null, evs: null });
    }
    await writeResultFiles({ outDir: dir, runs: stored.map((s) => s.run), identity: IDENTITY, sweptKeys: [SWEPT], transactions: true });

    const runs = parseFile(dir, 'runs.csv');
    expect(runs).toHaveLength(2);
    stored.forEach((s, i) => {
      expect(runs[i]).toMatchObject({ run_id: s.run.runId, point: '0', ledger: 'tangle', ledger_kind: 'tangle', replication: String(i), seed: String(100 + i), [SWEPT]: '5' });
      for (const [metric, value] of Object.entries(s.metrics)) expect(runs[i][metric], metric).toBe(cell(value));
    });
    expect(Object.keys(runs[0]).at(-1)).toBe('credit_mean');

    const [group] = parseFile(dir, 'aggregate.csv');
    const latency = summarize([1.5, 2.5]);
    expect(group).toMatchObject({ point: '0', ledger: 'tangle', n: '2', [SWEPT]: '5', latency_mean_s_mean: '2', stale_rate_mean: '', stale_rate_sd: '' });
    expect(Number(group.latency_mean_s_sd)).toBeCloseTo(latency.sd!, 12);
    expect(Number(group.latency_mean_s_ci95_low)).toBeCloseTo(latency.ci95Low!, 12);
    expect(Number(group.latency_mean_s_ci95_high)).toBeCloseTo(latency.ci95High!, 12);

    const series = parseFile(dir, 'timeseries.csv');
    expect(series).toEqual(stored.flatMap((s) => s.timeseries.map((row) => ({
      run_id: s.run.runId, ledger: 'tangle', t_s: cell(row.t_s), submitted: cell(row.submitted), confirmed: cell(row.confirmed), tips: cell(row.tips), mempool: '', price: '', energy_kwh: '', load_kw: '', v2g_capacity_kw: '', charging_kw: '', v2g_energy_kwh: '', deficit_kw: '', ledger_bytes: cell(row.ledger_bytes),
    }))));

    const market = parseFile(dir, 'market.csv');
    expect(market.map((r) => r.energy_kwh)).toEqual(['1.5', '2.5']);
    expect(market[1]).toMatchObject({ run_id: 'p0-tangle-r1', t_s: '900', agent: '1', price: '0.25', optimal_price: '0.3', charging_kw: '5', v2g_capacity_kw: '6', v2g_energy_kwh: '7' });

    const transactions = parseFile(dir, 'transactions.csv');
    expect(transactions.map((t) => [t.run_id, t.latency_s])).toEqual([['p0-tangle-r0', '2.5'], ['p0-tangle-r1', '2.5']]);

    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
