// Latency distribution per ledger from the runs' percentiles (mean over replications): a rule
// from p50 to p99 with a mark at p50, p95 and p99, one row per ledger (and per sweep point).

import { facetByPoint, NUMBER_FORMAT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import type { JsonObject } from '../json.js';
import { ledgerColour } from '../ledgerColours.js';
import type { ResultsData } from '../resultsData.js';

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

export function latencyChart(data: ResultsData): Chart | null {
  const rows = data.aggregate.flatMap((row) => {
    const values = PERCENTILES.map((p) => row[`latency_${p}_s_mean`]);
    if (!values.every((v): v is number => typeof v === 'number')) return [];
    const [p50, p95, p99] = values;
    return [{ ledger: String(row.ledger), point_label: data.pointLabels.get(Number(row.point)) ?? '', p50, p95, p99, mean: row.latency_mean_s_mean, n: row.n }];
  });
  if (rows.length === 0) return null;
  const scale = scaleFor(rows.flatMap((r) => [r.p50, r.p99]), false);
  const y = { field: 'ledger', type: 'nominal', title: null, sort: data.ledgers };
  const tooltip = [
    tip('ledger', 'ledger'), tip('point_label', 'sweep point'),
    tip('p50', 'p50 (s)', 'quantitative', NUMBER_FORMAT), tip('p95', 'p95 (s)', 'quantitative', NUMBER_FORMAT),
    tip('p99', 'p99 (s)', 'quantitative', NUMBER_FORMAT), tip('mean', 'mean (s)', 'quantitative', NUMBER_FORMAT),
  ];
  const inner: JsonObject = {
    width: PANEL_WIDTH,
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3, opacity: 0.6 },
        encoding: { x: { field: 'p50', type: 'quantitative', title: 'submission-to-confirmation latency (s)', scale }, x2: { field: 'p99' }, y, color: ledgerColour(data.ledgers, rows), tooltip },
      },
      {
        transform: [{ fold: [...PERCENTILES], as: ['percentile', 'latency_s'] }],
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          x: { field: 'latency_s', type: 'quantitative', scale },
          y,
          color: ledgerColour(data.ledgers, rows),
          shape: { field: 'percentile', type: 'nominal', title: 'percentile', scale: { domain: [...PERCENTILES], range: ['circle', 'square', 'triangle-up'] } },
          tooltip,
        },
      },
    ],
  };
  const points = data.pointLabels.size;
  return {
    name: 'latency',
    title: 'Latency distribution per ledger',
    description: 'Median (p50), 95th and 99th percentile of the time from submission to confirmation, averaged over replications; the bar spans p50 to p99. Runs with no confirmed transaction are left out.',
    spec: topLevel('Latency distribution per ledger', facetByPoint(inner, rows, points, [...data.pointLabels.values()]), 'bar: p50 to p99; marks: p50, p95, p99 (mean over replications)'),
  };
}
