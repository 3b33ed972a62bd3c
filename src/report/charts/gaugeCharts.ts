// Gauges over simulated time, per ledger: the tangle's tips and the blockchains' mempools
// (first replication of each sweep point), and ledger size growth.

import { facetByPoint, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import { ledgerColour, ledgerDash } from '../ledgerColours.js';
import type { ResultsData } from '../resultsData.js';
import { firstReplicationSeries } from './timeseriesRows.js';

interface GaugeDefinition {
  name: string;
  column: string;
  title: string;
  axisTitle: string;
  description: string;
  bytes?: boolean;
}

const GAUGES: GaugeDefinition[] = [
  {
    name: 'tips',
    column: 'tips',
    title: 'Tips over time',
    axisTitle: 'tips (transactions)',
    description: 'Number of tips (transactions not yet approved) at the end of each time bucket, per ledger that has tips; first replication of each sweep point.',
  },
  {
    name: 'mempool',
    column: 'mempool',
    title: 'Mempool over time',
    axisTitle: 'mempool (transactions)',
    description: 'Transactions waiting in the mempool at the end of each time bucket, per blockchain ledger; first replication of each sweep point.',
  },
  {
    name: 'storage_growth',
    column: 'ledger_bytes',
    title: 'Ledger size over time',
    axisTitle: 'ledger size (bytes)',
    description: 'Cumulative ledger size per ledger over simulated time; first replication of each sweep point.',
    bytes: true,
  },
];

export function gaugeCharts(data: ResultsData): Chart[] {
  return GAUGES.flatMap((gauge) => {
    const series = firstReplicationSeries(data, gauge.column);
    if (!series) return [];
    const scale = scaleFor(series.rows.map((r) => r.value), !gauge.bytes);
    const inner = {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      mark: { type: 'line', strokeWidth: 1.8, interpolate: 'step-after' },
      encoding: {
        x: { field: 't', type: 'quantitative', title: series.unit.title },
        y: { field: 'value', type: 'quantitative', title: gauge.axisTitle, scale, ...(gauge.bytes ? { axis: { format: '~s' } } : {}) },
        color: ledgerColour(data.ledgers, series.rows),
        strokeDash: ledgerDash(data.ledgers, series.rows),
        tooltip: [tip('ledger', 'ledger'), tip('point_label', 'sweep point'), tip('t', series.unit.title, 'quantitative', NUMBER_FORMAT), tip('value', gauge.axisTitle, 'quantitative', NUMBER_FORMAT)],
      },
    };
    return [{
      name: gauge.name,
      title: gauge.title,
      description: gauge.description,
      spec: topLevel(gauge.title, facetByPoint(inner, series.rows, data.pointLabels.size, [...data.pointLabels.values()]), 'first replication of each sweep point'),
    }];
  });
}
