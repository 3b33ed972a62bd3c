// One chart per swept parameter x: each headline metric against x, with a 95% confidence band
// (aggregate.csv's Student-t interval) when n >= 2. A second swept parameter is the colour, a third
// the column facets; ledgers are told apart by dash and point shape, so equal series both show. A
// ledger that ignores x (a key naming another ledger) is drawn as a level line across the panel.

import { fileStem, NUMBER_AXIS, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import type { Json, JsonObject } from '../json.js';
import { ledgerColour, ledgerDash, ledgerShape, PALETTE } from '../ledgerColours.js';
import type { ResultsData, Row } from '../resultsData.js';

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

/** The colour of rows whose ledger ignores the colour parameter. */
const IGNORED = 'ignored by this ledger';
const IGNORED_COLOUR = '#555555';

interface SweepRow {
  [field: string]: Json;
  x: number | string | null;
  ledger: string;
  colour: string;
  facet: string;
  series: string;
  mean: number;
  line_width: number;
  low: number | null;
  high: number | null;
  n: number;
}

export function sweepCharts(data: ResultsData): Chart[] {
  return data.sweptKeys.flatMap((key) => {
    const chart = sweepChart(data, key);
    return chart ? [chart] : [];
  });
}

function sweepChart(data: ResultsData, key: string): Chart | null {
  const others = data.sweptKeys.filter((k) => k !== key);
  const [colourKey, facetKey, ...restKeys] = others;
  const placed = data.aggregate.filter((r) => r[key] !== null);
  const numeric = placed.length > 0 && placed.every((r) => typeof r[key] === 'number');
  const xScale = numeric ? scaleFor(placed.map((r) => r[key] as number), false) : {};
  const x: JsonObject = numeric
    ? { field: 'x', type: 'quantitative', title: key, scale: { ...xScale, nice: false }, axis: NUMBER_AXIS }
    : { field: 'x', type: 'ordinal', title: key, sort: [...new Set(placed.map((r) => String(r[key])))] };
  const colourValues = colourKey ? orderedValues(data.aggregate, colourKey) : [];
  const colourOf = (r: Row): string => (colourKey ? (r[colourKey] === null ? IGNORED : `${r[colourKey]}`) : String(r.ledger));

  const metricRows = HEADLINE_METRICS.flatMap(({ metric, title }) => {
    const rows: SweepRow[] = data.aggregate.flatMap((r) => {
      const mean = r[`${metric}_mean`];
      if (typeof mean !== 'number') return [];
      const hasBand = Number(r.n) >= 2 && typeof r[`${metric}_ci95_low`] === 'number';
      const colour = colourOf(r);
      return [{
        x: r[key] === null ? null : numeric ? (r[key] as number) : String(r[key]),
        ledger: String(r.ledger),
        colour,
        facet: facetKey ? `${facetKey}=${r[facetKey] ?? 'any'}` : '',
        series: [String(r.ledger), colour, ...restKeys.map((k) => `${k}=${r[k] ?? ''}`)].join(' | '),
        mean,
        line_width: 2,
        low: hasBand ? (r[`${metric}_ci95_low`] as number) : null,
        high: hasBand ? (r[`${metric}_ci95_high`] as number) : null,
        n: Number(r.n),
      }];
    });
    return rows.length ? [{ title, rows }] : [];
  });
  if (metricRows.length === 0) return null;
  const drawnColours = new Set(metricRows.flatMap(({ rows }) => rows.map((r) => r.colour)));
  const colourDomain = [...colourValues.filter((v) => drawnColours.has(v)), ...(drawnColours.has(IGNORED) ? [IGNORED] : [])];
  const colourRange = colourDomain.map((v, i) => (v === IGNORED ? IGNORED_COLOUR : PALETTE[i % PALETTE.length]));
  const colour: JsonObject = colourKey
    ? { field: 'colour', type: 'nominal', title: colourKey, scale: { domain: colourDomain, range: colourRange }, legend: { symbolOpacity: 1, titleLimit: 400 } }
    : ledgerColour(data.ledgers, metricRows.flatMap(({ rows }) => rows));
  // Wider lines under narrower ones, so series with equal values show as nested stripes.
  const lineWidth = new Map(colourDomain.map((v, i) => [v, 2 + 2 * (colourDomain.length - 1 - i)]));
  for (const { rows } of metricRows) for (const r of rows) r.line_width = lineWidth.get(r.colour) ?? 2;
  const width: JsonObject | undefined = colourKey ? { field: 'line_width', type: 'quantitative', scale: null, legend: null } : undefined;
  const panels = metricRows.map(({ title, rows }) => metricPanel(data, rows, { key, x, numeric, title, colour, width, facetKey }));
  const hasBands = data.aggregate.some((r) => Number(r.n) >= 2);
  const by = [colourKey ? `colour: ${colourKey}` : 'colour: ledger', facetKey ? `columns: ${facetKey}` : '', 'dash and shape: ledger'].filter(Boolean).join('; ');
  return {
    name: `sweep_${fileStem(key)}`,
    title: `Headline metrics against ${key}`,
    description: `Each headline metric (mean over replications) against the swept parameter ${key} (${by})${hasBands ? '; the shaded band is the 95% confidence interval of the mean (Student t)' : ''}. A ledger that ignores ${key} is drawn as a level line.`,
    spec: topLevel(`Headline metrics against ${key}`, {
      concat: panels,
      columns: facetKey ? 1 : 2,
      spacing: 20,
    }, `${by}${hasBands ? '; band: 95% confidence interval of the mean over replications' : '; one replication per point: no confidence band'}`),
  };
}

interface PanelOptions {
  key: string;
  x: JsonObject;
  numeric: boolean;
  title: string;
  colour: JsonObject;
  width?: JsonObject;
  facetKey?: string;
}

function metricPanel(data: ResultsData, rows: SweepRow[], o: PanelOptions): JsonObject {
  const yScale = scaleFor(rows.map((r) => r.mean));
  const log = yScale.type === 'log';
  const y = { field: 'mean', type: 'quantitative', title: o.title, scale: yScale, axis: NUMBER_AXIS };
  const colour = o.colour;
  const dash = ledgerDash(data.ledgers, rows), shape = ledgerShape(data.ledgers, rows);
  const tooltip = [
    tip('ledger', 'ledger'), tip('x', o.key, o.numeric ? 'quantitative' : 'nominal'),
    ...(o.colour.field === 'colour' ? [tip('colour', String(o.colour.title))] : []), ...(o.facetKey ? [tip('facet', 'facet')] : []),
    tip('mean', `${o.title}, mean`, 'quantitative', NUMBER_FORMAT), tip('low', '95% CI low', 'quantitative', NUMBER_FORMAT), tip('high', '95% CI high', 'quantitative', NUMBER_FORMAT), tip('n', 'replications', 'quantitative'),
  ];
  const onAxis = 'isValid(datum.x)';
  const withBand = `${onAxis} && isValid(datum.low)${log ? ' && datum.low > 0' : ''}`;
  const layers: JsonObject[] = [
    {
      transform: [{ filter: withBand }],
      mark: o.numeric ? { type: 'area', opacity: 0.15 } : { type: 'rule', strokeWidth: 2 },
      encoding: { x: o.x, y: { field: 'low', type: 'quantitative', scale: yScale }, y2: { field: 'high' }, color: colour, detail: { field: 'series', type: 'nominal' } },
    },
    ...(o.numeric ? [{
      transform: [{ filter: onAxis }],
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x: o.x, y, color: colour, strokeDash: dash, ...(o.width ? { strokeWidth: o.width } : {}), detail: { field: 'series', type: 'nominal' } },
    }] : []),
    {
      transform: [{ filter: onAxis }],
      mark: { type: 'point', filled: false, size: o.numeric ? 60 : 80, strokeWidth: 1.8 },
      encoding: { x: o.x, y, color: colour, shape, tooltip },
    },
  ];
  if (rows.some((r) => r.x === null)) {
    layers.push({
      transform: [{ filter: `!${onAxis}` }],
      mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 3] },
      encoding: { y, color: colour, tooltip },
    });
  }
  const size = { width: PANEL_WIDTH - 60, height: PANEL_HEIGHT - 20 };
  if (!o.facetKey) return { data: { values: rows }, ...size, layer: layers };
  return { data: { values: rows }, facet: { column: { field: 'facet', type: 'nominal', title: null, sort: [...new Set(rows.map((r) => r.facet))] } }, spec: { ...size, layer: layers } };
}

/** The swept values of `key` in the order of the sweep (numbers ascending), as text. */
function orderedValues(rows: Row[], key: string): string[] {
  const values = [...new Set(rows.map((r) => r[key]).filter((v) => v !== null))];
  if (values.every((v) => typeof v === 'number')) (values as number[]).sort((a, b) => a - b);
  return values.map(String);
}
