// The fleet's V2G capacity over the day, after Kempton and Letendre: what plugged-in EVs could discharge
// above their reserves (kW) beside the grid agents' deficit and the EVs' own charging (kW), and the energy
// they hold above their reserves (kWh); summed over agents, first ledger, first replication of each point.

import { facetByPoint, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import type { ResultsData } from '../resultsData.js';
import { firstReplicationSeries } from './timeseriesRows.js';

const POWER_SERIES = [
  { column: 'v2g_capacity_kw', label: 'V2G capacity (kW)' },
  { column: 'deficit_kw', label: 'deficit (kW)' },
  { column: 'charging_kw', label: 'EV charging (kW)' },
  { column: 'v2g_energy_kwh', label: 'energy above reserves (kWh)' },
];

export function capacityChart(data: ResultsData): Chart | null {
  const firstLedger = data.ledgers.find((l) => data.timeseries.some((r) => r.ledger === l && typeof r.v2g_capacity_kw === 'number'));
  if (firstLedger === undefined) return null;
  const rows = POWER_SERIES.flatMap(({ column, label }) => {
    const series = firstReplicationSeries(data, column);
    return (series?.rows ?? []).filter((r) => r.ledger === firstLedger).map((r) => ({ ...r, series: label, panel: column === 'v2g_energy_kwh' ? 'kWh' : 'kW' }));
  });
  if (rows.length === 0) return null;
  const unit = firstReplicationSeries(data, 'v2g_capacity_kw')!.unit;
  const inner = {
    width: PANEL_WIDTH + 100,
    height: PANEL_HEIGHT,
    mark: { type: 'line', strokeWidth: 1.8, interpolate: 'step-after' },
    encoding: {
      x: { field: 't', type: 'quantitative', title: unit.title },
      y: { field: 'value', type: 'quantitative', title: 'kW (kWh for energy above reserves)' },
      color: { field: 'series', type: 'nominal', title: null, sort: POWER_SERIES.map((s) => s.label), scale: { scheme: 'dark2' } },
      strokeDash: { condition: { test: "datum.panel === 'kWh'", value: [5, 3] }, value: [1, 0] },
      tooltip: [tip('series', 'series'), tip('point_label', 'sweep point'), tip('t', unit.title, 'quantitative', NUMBER_FORMAT), tip('value', 'value', 'quantitative', NUMBER_FORMAT)],
    },
  };
  return {
    name: 'v2g_capacity',
    title: 'V2G capacity over the day',
    description: 'After Kempton and Letendre: the power plugged-in EVs could discharge above their reserves (what the market may buy, kW) beside the grid agents\' deficit and the EVs\' own charging (kW), and the energy they hold above their reserves (kWh, dashed); means over each time bucket\'s market intervals, summed over agents; per-agent values are in market.csv.',
    spec: topLevel('V2G capacity over the day', facetByPoint(inner, rows, data.pointLabels.size, [...data.pointLabels.values()]), `ledger ${firstLedger} · first replication of each sweep point`),
  };
}
