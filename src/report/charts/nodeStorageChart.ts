// Storage a typical node holds against the whole ledger's size, one mark per run, with the
// y = x line (a node keeping everything); offloading ledgers fall below it.

import { NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import { ledgerColour } from '../ledgerColours.js';
import type { ResultsData } from '../resultsData.js';

export function nodeStorageChart(data: ResultsData): Chart | null {
  const rows = data.runs.flatMap((run) => {
    if (typeof run.ledger_bytes !== 'number' || typeof run.node_storage_bytes !== 'number') return [];
    return [{ ledger: String(run.ledger), run_id: String(run.run_id), point_label: data.pointLabels.get(Number(run.point)) ?? '', ledger_bytes: run.ledger_bytes, node_storage_bytes: run.node_storage_bytes }];
  });
  if (rows.length === 0) return null;
  const all = rows.flatMap((r) => [r.ledger_bytes, r.node_storage_bytes]);
  const scale = scaleFor(all, false);
  const positive = all.filter((v) => v > 0);
  const low = scale.type === 'log' ? Math.min(...positive) : 0;
  const high = Math.max(...all);
  const axis = { format: '~s' };
  return {
    name: 'node_storage',
    title: 'Node storage against ledger size',
    description: 'Bytes held by a typical node against the total ledger size, one mark per run; on the dashed line a node keeps the whole ledger, below it the ledger offloads.',
    spec: topLevel('Node storage against ledger size', {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT + 60,
      layer: [
        {
          data: { values: [{ bytes: low }, { bytes: high }] },
          mark: { type: 'line', strokeDash: [6, 4], color: '#888888' },
          encoding: { x: { field: 'bytes', type: 'quantitative', scale, axis }, y: { field: 'bytes', type: 'quantitative', scale, axis } },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 70, opacity: 0.85 },
          encoding: {
            x: { field: 'ledger_bytes', type: 'quantitative', title: 'ledger size (bytes)', scale, axis },
            y: { field: 'node_storage_bytes', type: 'quantitative', title: 'storage per node (bytes)', scale, axis },
            color: ledgerColour(data.ledgers, rows),
            tooltip: [tip('run_id', 'run'), tip('ledger', 'ledger'), tip('point_label', 'sweep point'), tip('ledger_bytes', 'ledger (bytes)', 'quantitative', NUMBER_FORMAT), tip('node_storage_bytes', 'per node (bytes)', 'quantitative', NUMBER_FORMAT)],
          },
        },
      ],
    }),
  };
}
