// The headline table of the report and the notebook: one row per (sweep point, ledger) from
// aggregate.csv, means formatted for reading; columns empty for every row are left out.

import { formatNumber } from './formatNumber.js';
import type { ResultsData } from './resultsData.js';

export interface Table {
  headers: string[];
  rows: string[][];
}

const HEADLINE_COLUMNS: { metric: string; header: string }[] = [
  { metric: 'tx_confirmed', header: 'confirmed tx' },
  { metric: 'throughput_tps', header: 'throughput (tx/s)' },
  { metric: 'latency_p50_s', header: 'latency p50 (s)' },
  { metric: 'latency_p95_s', header: 'latency p95 (s)' },
  { metric: 'fee_per_tx', header: 'fee / tx' },
  { metric: 'fee_to_value_ratio', header: 'fee / value' },
  { metric: 'hashes_per_tx', header: 'hashes / tx' },
  { metric: 'ledger_energy_kwh', header: 'ledger energy (kWh)' },
  { metric: 'ledger_bytes', header: 'ledger (bytes)' },
  { metric: 'node_storage_bytes', header: 'per node (bytes)' },
  { metric: 'energy_traded_kwh', header: 'traded (kWh)' },
  { metric: 'optimality_gap', header: 'optimality gap' },
];

export function summaryTable(data: ResultsData): Table {
  const columns = HEADLINE_COLUMNS.filter(({ metric }) => data.aggregate.some((r) => typeof r[`${metric}_mean`] === 'number'));
  const multiplePoints = data.pointLabels.size > 1;
  const headers = [...(multiplePoints ? ['sweep point'] : []), 'ledger', 'n', ...columns.map((c) => `${c.header} (mean)`)];
  const rows = data.aggregate.map((r) => [
    ...(multiplePoints ? [data.pointLabels.get(Number(r.point)) ?? String(r.point)] : []),
    String(r.ledger),
    String(r.n ?? ''),
    ...columns.map(({ metric }) => formatNumber(r[`${metric}_mean`] as number | null)),
  ]);
  return { headers, rows };
}

/** Key facts of the manifest, as label/value pairs. */
export function provenance(data: ResultsData): [string, string][] {
  const m = data.manifest;
  const completed = m.runs.filter((r) => r.status === 'complete').length;
  const wall = m.runs.reduce((sum, r) => sum + (r.wall_s ?? 0), 0);
  return [
    ['scenario', m.scenario.name],
    ['status', m.status],
    ['dv2g version', m.dv2g_version],
    ['git commit', m.git_commit ?? '–'],
    ['Node.js', m.node_version],
    ['platform', `${m.platform}, ${m.cpus} CPUs`],
    ['scenario file', m.scenario_file],
    ['scenario SHA-256', m.scenario_sha256],
    ['root seed', String(m.root_seed)],
    ['workers', String(m.workers)],
    ['shard', m.shard ? `${m.shard.index}/${m.shard.count}` : 'none'],
    ['started', m.started_at],
    ['ended', m.ended_at],
    ['runs', `${completed} complete of ${m.runs.length}, ${formatNumber(wall)} s of run wall time`],
  ];
}
