// The headline table of the report and the notebook: one row per (sweep point, ledger) from
// aggregate.csv, the point named by its swept values, each metric as mean ± the half-width of its
// 95% confidence interval; columns empty for every row are left out.

import { formatNumber } from './formatNumber.js';
import type { Cell, ResultsData } from './resultsData.js';

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
  { metric: 'owners_losing_share', header: 'owners losing money' },
  { metric: 'charging_iterations', header: 'valley-filling rounds' },
];

export function summaryTable(data: ResultsData): Table {
  const columns = HEADLINE_COLUMNS.filter(({ metric }) => data.aggregate.some((r) => typeof r[`${metric}_mean`] === 'number'));
  const withIntervals = data.aggregate.some((r) => Number(r.n) >= 2);
  const headers = [...data.sweptKeys, 'ledger', 'n', ...columns.map((c) => `${c.header}${withIntervals ? ' (mean ± 95% CI)' : ' (mean)'}`)];
  const rows = data.aggregate.map((r) => [
    ...data.sweptKeys.map((k) => (r[k] === null ? 'any' : String(r[k]))),
    String(r.ledger),
    String(r.n ?? ''),
    ...columns.map(({ metric }) => meanWithInterval(r[`${metric}_mean`], r[`${metric}_ci95_low`], r[`${metric}_ci95_high`])),
  ]);
  return { headers, rows };
}

/** "mean ± half-width" of a 95% interval, or the mean alone where there is no interval. */
function meanWithInterval(mean: Cell, low: Cell, high: Cell): string {
  if (typeof mean !== 'number') return formatNumber(null);
  if (typeof low !== 'number' || typeof high !== 'number') return formatNumber(mean);
  return `${formatNumber(mean)} ${INTERVAL_SEPARATOR}${formatNumber((high - low) / 2)}`;
}

/** Between a mean and the half-width of its interval in a table cell. */
export const INTERVAL_SEPARATOR = '± ';

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
