// What a transaction costs on each ledger: fee per transaction, fee-to-value ratio, consensus
// work (hashes) and energy per confirmed transaction (ledger_energy_kwh / tx_confirmed).

import { facetByPoint, isLog, NUMBER_AXIS, NUMBER_FORMAT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import type { JsonObject } from '../json.js';
import { ledgerColour } from '../ledgerColours.js';
import type { ResultsData, Row } from '../resultsData.js';

export interface CostMeasure {
  field: string;
  title: string;
  value: (run: Row) => number | null;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const MEASURES: CostMeasure[] = [
  { field: 'fee_per_tx', title: 'fee per transaction (currency)', value: (r) => numberOrNull(r.fee_per_tx) },
  { field: 'fee_to_value_ratio', title: 'fee / traded value (ratio)', value: (r) => numberOrNull(r.fee_to_value_ratio) },
  { field: 'hashes_per_tx', title: 'hashes per confirmed transaction', value: (r) => numberOrNull(r.hashes_per_tx) },
  {
    field: 'energy_per_tx_kwh',
    title: 'ledger energy per confirmed tx (kWh)',
    value: (r) => (typeof r.ledger_energy_kwh === 'number' && typeof r.tx_confirmed === 'number' && r.tx_confirmed > 0 ? r.ledger_energy_kwh / r.tx_confirmed : null),
  },
];

type CostRow = {
  ledger: string;
  point: number;
  point_label: string;
  value: number;
  runs: number;
};

export function costChart(data: ResultsData): Chart | null {
  const panels: JsonObject[] = [];
  for (const measure of MEASURES) {
    const rows = meanPerPointAndLedger(data, measure);
    if (rows.length === 0) continue;
    const scale = scaleFor(rows.map((r) => r.value));
    const inner = {
      width: PANEL_WIDTH - 80,
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y: { field: 'ledger', type: 'nominal', title: null, sort: data.ledgers },
        x: { field: 'value', type: 'quantitative', title: measure.title, scale, stack: null, axis: { ...NUMBER_AXIS, labelOverlap: 'greedy' } },
        ...(isLog(scale) ? { x2: { value: 0 } } : {}),
        color: ledgerColour(data.ledgers, rows),
        tooltip: [tip('ledger', 'ledger'), tip('point_label', 'sweep point'), tip('value', measure.title, 'quantitative', NUMBER_FORMAT), tip('runs', 'runs', 'quantitative')],
      },
    };
    panels.push(facetByPoint(inner, rows, data.pointLabels.size, [...data.pointLabels.values()]));
  }
  if (panels.length === 0) return null;
  return {
    name: 'cost',
    title: 'Cost per transaction',
    description: 'Fee per transaction, fee relative to the traded value, hashes and ledger energy per confirmed transaction (ledger_energy_kwh / tx_confirmed), per ledger, mean over replications. Axes switch to log scale when values span two decades or more.',
    spec: topLevel('Cost per transaction', { concat: panels, columns: 2, spacing: 24, resolve: { scale: { color: 'shared' } } }, 'mean over replications'),
  };
}

export function meanPerPointAndLedger(data: ResultsData, measure: CostMeasure): CostRow[] {
  const groups = new Map<string, { ledger: string; point: number; values: number[] }>();
  for (const run of data.runs) {
    const value = measure.value(run);
    if (value === null) continue;
    const key = `${run.point}\u0000${run.ledger}`;
    const group = groups.get(key) ?? { ledger: String(run.ledger), point: Number(run.point), values: [] };
    group.values.push(value);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ledger: g.ledger, point: g.point, point_label: data.pointLabels.get(g.point) ?? '', value: g.values.reduce((a, b) => a + b, 0) / g.values.length, runs: g.values.length }))
    .sort((a, b) => a.point - b.point || data.ledgers.indexOf(a.ledger) - data.ledgers.indexOf(b.ledger));
}
