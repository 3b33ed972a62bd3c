// writeResultFiles on a tiny hand-written run store (two replications of one ledger, one swept key):
// runs.csv, aggregate.csv, timeseries.csv, market.csv and transactions.csv read back with csv-parse
// equal what went in, and no temporary file is left.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { resultStore, writeResultFiles } from '../../src/output/resultFiles.js';
import { summarize } from '../../src/metrics/aggregate.js';
import { IDENTITY, storedRun, storeRun, SWEPT } from '../store/storedRunFixture.js';
import { tempDir } from '../runner/helpers.js';

function parseFile(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** A number or missing value as the CSV writes it. */
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('writeResultFiles', () => {
  it('writes files that a CSV reader turns back into the stored runs', async () => {
    const dir = tempDir();
    const stored = [storedRun(0, 1.5), storedRun(1, 2.5)];
    for (const s of stored) storeRun(dir, s);
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

  it('writes the same bytes from rows formatted as the runs ended as from rows formatted at the end', async () => {
    const files = async (budget: number | undefined, keptRows: boolean[]): Promise<string[]> => {
      const dir = tempDir();
      const stored = [storedRun(0, 1.5), storedRun(1, 2.5), storedRun(2, 3.5)];
      for (const s of stored) storeRun(dir, s);
      const store = resultStore(dir, IDENTITY, budget);
      expect(stored.map((s) => store.get(s.run).rows !== undefined)).toEqual(keptRows);
      await writeResultFiles({ outDir: dir, runs: stored.map((s) => s.run), identity: IDENTITY, store, sweptKeys: [SWEPT], transactions: true });
      return ['runs.csv', 'aggregate.csv', 'timeseries.csv', 'market.csv', 'transactions.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    };
    const atTheEnd = await files(0, [false, false, false]);
    expect(await files(undefined, [true, true, true])).toEqual(atTheEnd);
    expect(await files(1, [true, false, false])).toEqual(atTheEnd); // the budget spent on the first run
  });
});

