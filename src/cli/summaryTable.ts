// The summary table printed at the end of `dv2g run`: one row per sweep point and ledger, the point
// named by its swept values (aggregate.csv's columns between ledger_kind and n).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const METRIC_COLUMNS: [string, string][] = [
  ['n', 'n'],
  ['tx_confirmed_mean', 'confirmed'],
  ['throughput_tps_mean', 'tx/s'],
  ['latency_p50_s_mean', 'p50 s'],
  ['latency_p95_s_mean', 'p95 s'],
  ['fee_to_value_ratio_mean', 'fee/value'],
  ['hashes_per_tx_mean', 'hashes/tx'],
  ['ledger_energy_kwh_mean', 'ledger kWh'],
  ['energy_traded_kwh_mean', 'traded kWh'],
  ['optimality_gap_mean', 'opt. gap'],
];

export function summaryTable(outDir: string): string {
  const text = readFileSync(join(outDir, 'aggregate.csv'), 'utf8');
  const [header] = parse(text, { to_line: 1 }) as string[][];
  const swept = header.slice(header.indexOf('ledger_kind') + 1, header.indexOf('n'));
  const labels: [string, string][] = swept.length ? swept.map((key) => [key, key]) : [['point', 'point']];
  const columns = [...labels, ['ledger', 'ledger'], ...METRIC_COLUMNS];
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const cells = [columns.map(([, title]) => title), ...rows.map((row) => columns.map(([key]) => formatCell(row[key])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const leftAligned = labels.length + 1;
  return cells.map((r) => r.map((c, i) => (i < leftAligned ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function formatCell(text: string | undefined): string {
  if (text === undefined || text === '') return '-';
  const x = Number(text);
  if (!Number.isFinite(x)) return text;
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 1 : 3);
}
