// The summary table printed at the end of `dv2g run`: one row per sweep point and ledger.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const COLUMNS: [string, string][] = [
  ['point', 'point'],
  ['ledger', 'ledger'],
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
  const rows = parse(readFileSync(join(outDir, 'aggregate.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const cells = [COLUMNS.map(([, title]) => title), ...rows.map((row) => COLUMNS.map(([key]) => formatCell(row[key])))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function formatCell(text: string | undefined): string {
  if (text === undefined || text === '') return '-';
  const x = Number(text);
  if (!Number.isFinite(x)) return text;
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 1 : 3);
}
