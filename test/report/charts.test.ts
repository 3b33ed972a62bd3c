// Chart specifications: every one compiles with Vega-Lite without warnings, stands alone (inline
// data only), uses the same ledger colour scale, and charts without data are left out.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { buildCharts } from '../../src/report/charts.js';
import { readResults } from '../../src/report/resultsData.js';
import type { Json } from '../../src/report/json.js';
import { FIXTURE_DIR, fixtureCopy } from './helpers.js';

function compileWarnings(spec: Json): string[] {
  const warnings: string[] = [];
  const logger = {
    level() { return logger; },
    warn(...args: unknown[]) { warnings.push(args.join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
    error(...args: unknown[]): never { throw new Error(args.join(' ')); },
  };
  compile(spec as unknown as TopLevelSpec, { logger } as never);
  return warnings;
}

/** Every object in a JSON tree that has the given key. */
function objectsWithKey(node: Json, key: string, found: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(node)) node.forEach((n) => objectsWithKey(n, key, found));
  else if (node !== null && typeof node === 'object') {
    if (key in node) found.push(node);
    Object.values(node).forEach((n) => objectsWithKey(n, key, found));
  }
  return found;
}

/** The rows of sweep point 0, without the workload.rate column (a results directory with no sweep). */
function firstPointWithoutSweep(text: string): string {
  const [header, ...rows] = parse(text) as string[][];
  const swept = header.indexOf('workload.rate');
  const point = header.indexOf('point');
  const keep = (cells: string[]) => cells.filter((_, i) => i !== swept).join(',');
  return [keep(header), ...rows.filter((r) => r[point] === '0').map(keep)].join('\r\n') + '\r\n';
}

describe('report charts', () => {
  const charts = buildCharts(readResults(FIXTURE_DIR), []);

  it('builds every chart the fixture supports', () => {
    expect(charts.map((c) => c.name)).toEqual(['throughput', 'latency', 'tips', 'mempool', 'storage_growth', 'market', 'price_optimum', 'cost', 'node_storage', 'tips_theory', 'sweep_workload_rate']);
  });

  it('puts tangle tips against 2 lambda h computed from the offered rate and the mean delay', () => {
    const data = readResults(FIXTURE_DIR);
    const theory = charts.find((c) => c.name === 'tips_theory')!;
    const points = (theory.spec.layer as { data: { values: { run_id: string; theory: number; tips: number }[] } }[])[1].data.values;
    const tangleRuns = data.runs.filter((r) => r.ledger_kind === 'tangle');
    expect(points).toHaveLength(tangleRuns.length);
    const seconds = data.manifest.scenario.duration - data.manifest.scenario.warmup;
    for (const run of tangleRuns) {
      const point = points.find((p) => p.run_id === run.run_id)!;
      expect(point.theory).toBeCloseTo(2 * (Number(run.tx_submitted) / seconds) * 0.1, 9);
      expect(point.tips).toBe(run.tips_mean);
    }
  });

  it.each(charts.map((c) => [c.name, c] as const))('%s compiles with Vega-Lite without warnings', (_, chart) => {
    expect(chart.spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(compileWarnings(chart.spec)).toEqual([]);
  });

  it('embeds its data and colours every ledger the same way in every chart, its legend listing only the ledgers drawn', () => {
    const fixed: Record<string, string> = { tangle: '#0072B2', pow: '#D55E00', lightchain: '#009E73' };
    for (const chart of charts) {
      expect(objectsWithKey(chart.spec, 'url')).toEqual([]);
      const ledgerColours = objectsWithKey(chart.spec, 'field').filter((o) => o.field === 'ledger' && 'scale' in o && typeof (o.scale as { range: Json[] }).range[0] === 'string' && String((o.scale as { range: Json[] }).range[0]).startsWith('#'));
      if (chart.name !== 'market' && chart.name !== 'price_optimum') expect(ledgerColours.length, chart.name).toBeGreaterThan(0);
      for (const colour of ledgerColours) {
        const { domain, range } = colour.scale as { domain: string[]; range: string[] };
        expect(range, chart.name).toEqual(domain.map((l) => fixed[l]));
      }
    }
    const tips = charts.find((c) => c.name === 'tips')!;
    const tipsColour = objectsWithKey(tips.spec, 'field').find((o) => o.field === 'ledger' && 'scale' in o)!;
    expect((tipsColour.scale as { domain: string[] }).domain).toEqual(['tangle']);
  });

  it('draws tips against theory only for runs the theory applies to (urts, k = 2)', () => {
    const dir = fixtureCopy();
    try {
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.scenario.ledgers[0].tipSelection = 'mcmc';
      writeFileSync(manifestPath, JSON.stringify(manifest));
      expect(buildCharts(readResults(dir), []).map((c) => c.name)).not.toContain('tips_theory');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses log scales where values span decades (hashes, energy) and linear ones elsewhere', () => {
    const cost = charts.find((c) => c.name === 'cost')!;
    const scales = objectsWithKey(cost.spec, 'title').filter((o) => o.field === 'value' && 'scale' in o).map((o) => [o.title, (o.scale as { type: string }).type]);
    expect(scales).toEqual([
      ['fee per transaction (currency)', 'linear'],
      ['fee / traded value (ratio)', 'linear'],
      ['hashes per confirmed transaction', 'log'],
      ['ledger energy per confirmed tx (kWh)', 'log'],
    ]);
  });

  it('shows 95% bands from aggregate.csv when there are replications', () => {
    const sweep = charts.find((c) => c.name === 'sweep_workload_rate')!;
    const panels = objectsWithKey(sweep.spec, 'layer').filter((o) => (o.layer as { mark: { type?: string } }[]).some((l) => l.mark.type === 'area'));
    expect(panels.length).toBeGreaterThan(0);
    const throughputBand = (panels[0].data as { values: { low: number | null; high: number | null; mean: number }[] }).values.filter((r) => r.low !== null) as { low: number; high: number; mean: number }[];
    expect(throughputBand.length).toBeGreaterThan(0);
    for (const row of throughputBand) expect(row.low).toBeLessThanOrEqual(row.high);
    expect(throughputBand.some((row) => row.low < row.mean && row.mean < row.high)).toBe(true);
  });

  it('puts energy per transaction against attack cost per hour, log-log, one point per ledger and sweep point', () => {
    const dir = fixtureCopy();
    try {
      const [header, ...rows] = parse(readFileSync(join(dir, 'runs.csv'), 'utf8')) as string[][];
      const ledger = header.indexOf('ledger'), replication = header.indexOf('replication');
      const costOf = (r: string[]) => String((r[ledger].length + 1) * 10 ** Number(r[replication]));
      writeFileSync(join(dir, 'runs.csv'), [[...header, 'attack_cost_per_hour'], ...rows.map((r) => [...r, costOf(r)])].map((r) => r.join(',')).join('\r\n') + '\r\n');
      const data = readResults(dir);
      const chart = buildCharts(data, []).find((c) => c.name === 'energy_vs_attack_cost')!;
      expect(chart).toBeDefined();
      expect(compileWarnings(chart.spec)).toEqual([]);
      const encoding = chart.spec.encoding as Record<string, { scale: { type: string } }>;
      expect([encoding.x.scale.type, encoding.y.scale.type]).toEqual(['log', 'log']);
      const points = (chart.spec.data as { values: { ledger: string; point_label: string; attack_cost_per_hour: number; energy_per_tx_kwh: number }[] }).values;
      const groups = new Set(data.runs.map((r) => `${r.point}/${r.ledger}`));
      expect(points).toHaveLength(groups.size);
      for (const p of points) {
        const runs = data.runs.filter((r) => r.ledger === p.ledger && data.pointLabels.get(Number(r.point)) === p.point_label);
        const mean = runs.reduce((a, r) => a + (String(r.ledger).length + 1) * 10 ** Number(r.replication), 0) / runs.length;
        const energy = runs.reduce((a, r) => a + Number(r.ledger_energy_kwh) / Number(r.tx_confirmed), 0) / runs.length;
        expect(p.attack_cost_per_hour).toBeCloseTo(mean, 9);
        expect(p.energy_per_tx_kwh).toBeCloseTo(energy, 15);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out charts whose data is absent (no market.csv, no sweep)', () => {
    const dir = fixtureCopy();
    try {
      rmSync(join(dir, 'market.csv'));
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      delete manifest.scenario.sweep;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      for (const file of ['runs.csv', 'aggregate.csv']) writeFileSync(join(dir, file), firstPointWithoutSweep(readFileSync(join(dir, file), 'utf8')));
      const names = buildCharts(readResults(dir), []).map((c) => c.name);
      expect(names).not.toContain('market');
      expect(names.some((n) => n.startsWith('sweep_'))).toBe(false);
      expect(names).toContain('throughput');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
