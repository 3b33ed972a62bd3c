// The owners' chart against hand-computed percentiles: evs.csv read by DuckDB (ownerBenefits.ts), EVs without a
// session or a net benefit left out, replications pooled per sweep point and ledger, quantiles interpolated
// linearly between the sorted values at (n - 1) p (numpy's and R's default, as simple-statistics computes them).

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ownersChart } from '../../src/report/charts/ownersChart.js';
import { buildReport } from '../../src/report/index.js';
import { readOwnerBenefits } from '../../src/report/ownerBenefits.js';
import { readResults } from '../../src/report/resultsData.js';
import { EV_FILE_COLUMNS } from '../../src/store/runStore.js';
import { fixtureCopy } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture with an evs.csv of the given (run, arrival, net benefit) rows; other cells zero. */
function withEvs(rows: [run: string, arrival: string, net: string][], header = EV_FILE_COLUMNS.join(',')): string {
  const dir = fixtureCopy();
  dirs.push(dir);
  const ledgerOf = (run: string) => run.replace(/"/g, '').split('-')[1];
  const line = ([run, arrival, net]: [string, string, string], ev: number) => EV_FILE_COLUMNS.map((c) => {
    if (c === 'run_id') return run;
    if (c === 'ledger') return ledgerOf(run);
    if (c === 'ev_id') return String(ev);
    return c === 'arrival_s' || c === 'departure_s' ? arrival : c === 'net_benefit' ? net : '0';
  }).join(',');
  writeFileSync(join(dir, 'evs.csv'), `${header}\r\n${rows.map(line).join('\r\n')}\r\n`);
  return dir;
}

async function chartRows(dir: string) {
  const data = readResults(dir);
  const chart = ownersChart(data, await readOwnerBenefits(dir, data.runs.map((r) => String(r.run_id))));
  return chart && { chart, rows: (chart.spec.data as { values: Record<string, unknown>[] }).values };
}

describe('owners chart', { timeout: 60_000 }, () => {
  it('pools each sweep point and ledger over replications and leaves out EVs without a session', async () => {
    const values = (run: string, nets: number[]) => nets.map((n): [string, string, string] => [run, '3600', String(n)]);
    const dir = withEvs([
      ...values('p0-tangle-r0', [3, 1, 5, 2, 4, -2]),
      ['p0-tangle-r0', '', '100'], // no session: left out
      ['"p0-tangle-r1"', '7200', ''], // no net benefit: left out (and a quoted cell)
      ...values('"p0-tangle-r1"', [10, 6, 9, 7, 8]),
      ...values('p0-pow-r1', [7]), // after the tangle's runs, as in runs.csv (by id it would come first)
      ...values('p1-pow-r0', [-1, 4, -3]),
      ...values('p1-pow-r1', [2]),
    ]);
    const result = await chartRows(dir);
    expect(compile(result!.chart.spec as unknown as TopLevelSpec).spec).toBeTruthy();
    // 11 values -2, 1..10: (n - 1) p = 0.5, 2.5, 5, 7.5, 9.5; 4 values -3, -1, 2, 4: 0.15, 0.75, 1.5, 2.25, 2.85.
    const [tangle, onePow, pow] = result!.rows;
    expect(onePow).toEqual({ group: 'stackelberg · workload.rate=5', ledger: 'pow', p5: 7, p25: 7, median: 7, p75: 7, p95: 7, losing: 0, owners: 1 });
    expect(tangle).toEqual({ group: 'stackelberg · workload.rate=5', ledger: 'tangle', p5: -0.5, p25: 2.5, median: 5, p75: 7.5, p95: 9.5, losing: 1 / 11, owners: 11 });
    expect(pow).toMatchObject({ group: 'stackelberg · workload.rate=20', ledger: 'pow', median: 0.5, losing: 0.5, owners: 4 });
    for (const [key, value] of Object.entries({ p5: -2.7, p25: -1.5, p75: 2.5, p95: 3.7 })) expect(pow[key], key).toBeCloseTo(value, 12);
    expect(result!.rows).toHaveLength(3);
    // The report draws the same chart from the directory.
    const { charts } = await buildReport(dir);
    expect(charts).toContain('owner_benefit');
    expect(JSON.parse(readFileSync(join(dir, 'charts', 'owner_benefit.vl.json'), 'utf8')).data.values).toEqual(JSON.parse(JSON.stringify(result!.rows)));
  });

  it('is left out without evs.csv, with only its header, or without a net benefit column', async () => {
    const none = fixtureCopy();
    dirs.push(none);
    expect(await chartRows(none)).toBeNull();
    expect(await chartRows(withEvs([]))).toBeNull();
    expect(await chartRows(withEvs([['p0-pow-r0', '', '1']]))).toBeNull();
    const header = EV_FILE_COLUMNS.map((c) => (c === 'net_benefit' ? 'benefit' : c)).join(',');
    expect(await chartRows(withEvs([['p0-pow-r0', '10', '1']], header))).toBeNull();
  });
});
