// paired.csv's rows: per sweep point, each ledger's difference to the first ledger per metric over
// the replications that share seeds (a ledger that ignores a swept key stands in with its one run).

import { pairedDifference } from '../metrics/difference.js';
import type { RunSpec } from '../scenario/runList.js';
import type { Cell } from './csv.js';

export const PAIRED_COLUMNS = ['point', 'ledger', 'baseline', 'metric', 'n', 'difference_mean', 'difference_ci95_low', 'difference_ci95_high'];

export interface RunMetrics {
  spec: RunSpec;
  metrics: Record<string, number | null>;
}

export function pairedRows(runs: readonly RunMetrics[], metricColumns: readonly string[], sweptCell: (values: Record<string, unknown>, key: string) => Cell, sweptKeys: readonly string[]): Record<string, Cell>[] {
  if (runs.length === 0) return [];
  const ledgers = [...new Map(runs.map((r) => [r.spec.ledgerIndex, r.spec.ledger])).entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
  const [baseline, ...others] = ledgers;
  const coverOf = (run: RunMetrics): number[] => run.spec.covers ?? [run.spec.point];
  const points = [...new Set(runs.flatMap(coverOf))].sort((a, b) => a - b);
  const rows: Record<string, Cell>[] = [];
  for (const point of points) {
    const atPoint = runs.filter((r) => coverOf(r).includes(point));
    const values = Object.assign({}, ...atPoint.map((r) => r.spec.values)) as Record<string, unknown>;
    const base = new Map(atPoint.filter((r) => r.spec.ledger === baseline).map((r) => [r.spec.seed, r]));
    for (const ledger of others) {
      const pairs = atPoint.filter((r) => r.spec.ledger === ledger && base.has(r.spec.seed)).map((r) => [base.get(r.spec.seed) as RunMetrics, r] as const);
      if (pairs.length === 0) continue;
      for (const metric of metricColumns) {
        const d = pairedDifference(pairs.map(([a, b]) => [a.metrics[metric], b.metrics[metric]]));
        if (d.n === 0) continue;
        rows.push({
          point,
          ...Object.fromEntries(sweptKeys.map((k) => [k, sweptCell(values, k)])),
          ledger, baseline, metric, n: d.n,
          difference_mean: d.mean, difference_ci95_low: d.ci95Low, difference_ci95_high: d.ci95High,
        });
      }
    }
  }
  return rows;
}
