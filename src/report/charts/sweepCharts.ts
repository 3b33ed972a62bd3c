// One chart per swept parameter: each headline metric against the swept value, one line per
// ledger, with a 95% confidence band (aggregate.csv's Student-t interval) when n >= 2.
// Other swept parameters, if any, are told apart by the line's dash.

import { fileStem, NUMBER_AXIS, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import type { JsonObject } from '../json.js';
import { ledgerColour } from '../ledgerColours.js';
import type { ResultsData } from '../resultsData.js';

export const HEADLINE_METRICS: { metric: string; title: string }[] = [
  { metric: 'throughput_tps', title: 'throughput (tx/s)' },
  { metric: 'latency_p95_s', title: 'latency p95 (s)' },
  { metric: 'fee_per_tx', title: 'fee per transaction (currency)' },
  { metric: 'fee_to_value_ratio', title: 'fee / traded value (ratio)' },
  { metric: 'ledger_energy_kwh', title: 'ledger energy (kWh)' },
  { metric: 'ledger_bytes', title: 'ledger size (bytes)' },
  { metric: 'optimality_gap', title: 'optimality gap (ratio)' },
  { metric: 'social_welfare', title: 'social welfare (currency)' },
];

const LINE_MARK: JsonObject = { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2 };
const POINT_MARK: JsonObject = { type: 'point', filled: true, size: 70 };

export function sweepCharts(data: ResultsData): Chart[] {
  return data.sweptKeys.flatMap((key) => {
    const chart = sweepChart(data, key);
    return chart ? [chart] : [];
  });
}

function sweepChart(data: ResultsData, key: string): Chart | null {
  const others = data.sweptKeys.filter((k) => k !== key);
  const numeric = data.aggregate.every((r) => typeof r[key] === 'number');
  const xValues = data.aggregate.map((r) => r[key]);
  const xScale = numeric ? scaleFor(xValues as number[], false) : {};
  const x: JsonObject = numeric
    ? { field: 'x', type: 'quantitative', title: key, scale: xScale }
    : { field: 'x', type: 'ordinal', title: key, sort: [...new Set(xValues.map(String))] };
  const dash: JsonObject = others.length ? { strokeDash: { field: 'others', type: 'nominal', title: others.join(', ') } } : {};
  const panels: JsonObject[] = [];
  for (const { metric, title } of HEADLINE_METRICS) {
    const rows = data.aggregate.flatMap((r) => {
      const mean = r[`${metric}_mean`];
      if (typeof mean !== 'number') return [];
      const hasBand = Number(r.n) >= 2 && typeof r[`${metric}_ci95_low`] === 'number';
      return [{
        x: numeric ? r[key] : String(r[key]),
        ledger: String(r.ledger),
        others: others.map((k) => `${k}=${r[k] ?? ''}`).join(', '),
        mean,
        low: hasBand ? r[`${metric}_ci95_low`] : null,
        high: hasBand ? r[`${metric}_ci95_high`] : null,
        n: r.n,
      }];
    });
    if (rows.length === 0) continue;
    const yScale = scaleFor(rows.map((r) => r.mean));
    const log = yScale.type === 'log';
    const bandRows = rows.filter((r) => typeof r.low === 'number' && (!log || (r.low as number) > 0));
    const y = { field: 'mean', type: 'quantitative', title, scale: yScale, axis: NUMBER_AXIS };
    const tooltip = [tip('ledger', 'ledger'), tip('x', key, numeric ? 'quantitative' : 'nominal'), tip('mean', `${title}, mean`, 'quantitative', NUMBER_FORMAT), tip('low', '95% CI low', 'quantitative', NUMBER_FORMAT), tip('high', '95% CI high', 'quantitative', NUMBER_FORMAT), tip('n', 'replications', 'quantitative')];
    const band: JsonObject = numeric
      ? { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'low', type: 'quantitative', scale: yScale }, y2: { field: 'high' }, color: ledgerColour(data.ledgers), ...(others.length ? { detail: { field: 'others', type: 'nominal' } } : {}) } }
      : { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'low', type: 'quantitative', scale: yScale }, y2: { field: 'high' }, color: ledgerColour(data.ledgers) } };
    panels.push({
      width: PANEL_WIDTH - 60,
      height: PANEL_HEIGHT - 20,
      layer: [
        ...(bandRows.length ? [{ data: { values: bandRows }, ...band }] : []),
        {
          data: { values: rows },
          mark: numeric ? LINE_MARK : POINT_MARK,
          encoding: { x, y, color: ledgerColour(data.ledgers), ...dash, tooltip },
        },
      ],
    });
  }
  if (panels.length === 0) return null;
  const hasBands = data.aggregate.some((r) => Number(r.n) >= 2);
  return {
    name: `sweep_${fileStem(key)}`,
    title: `Headline metrics against ${key}`,
    description: `Each headline metric (mean over replications) against the swept parameter ${key}, one line per ledger${hasBands ? '; the shaded band is the 95% confidence interval of the mean (Student t)' : ''}.`,
    spec: topLevel(`Headline metrics against ${key}`, { concat: panels, columns: 2, spacing: 20 }, hasBands ? 'band: 95% confidence interval of the mean over replications' : 'one replication per point: no confidence band'),
  };
}
