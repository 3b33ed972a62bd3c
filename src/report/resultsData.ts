// Reads a results directory (manifest.json, runs.csv, aggregate.csv, timeseries.csv, market.csv) into typed
// rows for the charts, tables and notebook. The tables that grow with the fleet and the traffic are never read
// here: transactions.csv not at all, evs.csv only for the owners' chart, by DuckDB (ownerBenefits.ts).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface ManifestLedger {
  kind: string;
  label?: string;
  [setting: string]: unknown;
}

export interface ManifestScenario {
  name: string;
  description?: string;
  duration: number;
  warmup: number;
  replications?: number;
  workload?: { kind?: string };
  market?: { kind?: string };
  ledgers: ManifestLedger[];
  sweep?: { grid?: string; params?: Record<string, unknown[]> };
  [key: string]: unknown;
}

export interface ManifestRunEntry {
  run_id: string;
  point: number;
  ledger: string;
  replication: number;
  seed: number;
  status: string;
  wall_s?: number;
  events_per_s?: number;
}

export interface ReportManifest {
  dv2g_version: string;
  git_commit: string | null;
  node_version: string;
  platform: string;
  cpus: number;
  scenario_file: string;
  scenario_sha256: string;
  root_seed: number;
  scenario: ManifestScenario;
  workers: number;
  shard: { index: number; count: number } | null;
  started_at: string;
  ended_at: string;
  status: string;
  runs: ManifestRunEntry[];
}

export interface ResultsData {
  manifest: ReportManifest;
  /** Ledger labels in the manifest's order (then any label found only in the CSVs). */
  ledgers: string[];
  /** Swept key paths, as runs.csv names its columns. */
  sweptKeys: string[];
  /** A short label per sweep point, e.g. "workload.rate=5" ("all runs" without a sweep). */
  pointLabels: Map<number, string>;
  runs: Row[];
  aggregate: Row[];
  timeseries: Row[];
  market: Row[];
}

const TEXT_COLUMNS = new Set(['run_id', 'ledger', 'ledger_kind']);
const FIRST_METRIC = 'tx_submitted';
const RUN_ID_COLUMNS = ['run_id', 'point', 'ledger', 'ledger_kind', 'replication', 'seed'];

/** `manifest`: the one to use instead of the directory's manifest.json (a run's, before it writes it there). */
export function readResults(resultsDir: string, manifest: ReportManifest = JSON.parse(readFileSync(join(resultsDir, 'manifest.json'), 'utf8')) as ReportManifest): ResultsData {
  const runsText = readOptional(join(resultsDir, 'runs.csv'));
  const sweptKeys = sweptKeysOf(runsText);
  const swept = new Set(sweptKeys);
  const read = (file: string): Row[] => parseCsv(readOptional(join(resultsDir, file)), swept);
  const runs = parseCsv(runsText, swept);
  const aggregate = read('aggregate.csv');
  const ledgers = manifest.scenario.ledgers.map((l) => l.label ?? l.kind);
  for (const row of [...runs, ...aggregate]) {
    const label = String(row.ledger);
    if (!ledgers.includes(label)) ledgers.push(label);
  }
  return {
    manifest,
    ledgers,
    sweptKeys,
    pointLabels: pointLabelsOf(aggregate.length ? aggregate : runs, sweptKeys),
    runs,
    aggregate,
    timeseries: read('timeseries.csv'),
    market: read('market.csv'),
  };
}

function readOptional(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The columns of runs.csv between the run identifiers and the first metric. */
function sweptKeysOf(runsText: string): string[] {
  if (!runsText) return [];
  const [header] = parse(runsText, { to_line: 1 }) as string[][];
  const end = header.indexOf(FIRST_METRIC);
  return header.slice(RUN_ID_COLUMNS.length, end < 0 ? header.length : end);
}

/** Rows with numbers where the column holds numbers, null for empty cells, text for identifiers. */
function parseCsv(text: string, swept: Set<string>): Row[] {
  if (!text) return [];
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record) => {
    const row: Row = {};
    for (const [column, raw] of Object.entries(record)) {
      if (raw === '') row[column] = null;
      else if (TEXT_COLUMNS.has(column)) row[column] = raw;
      else if (swept.has(column)) row[column] = numericOrText(raw);
      else row[column] = Number(raw);
    }
    return row;
  });
}

function numericOrText(raw: string): Cell {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

function pointLabelsOf(rows: Row[], sweptKeys: string[]): Map<number, string> {
  const labels = new Map<number, string>();
  for (const row of rows) {
    const point = Number(row.point);
    if (labels.has(point)) continue;
    const keys = sweptKeys.filter((k) => row[k] !== null);
    labels.set(point, keys.length ? keys.map((k) => `${k}=${row[k]}`).join(', ') : 'all runs');
  }
  return new Map([...labels.entries()].sort((a, b) => a[0] - b[0]));
}

/** Simulated seconds after warm-up for a sweep point (duration or warmup may themselves be swept). */
export function measuredSeconds(data: ResultsData, row: Row): number {
  const duration = typeof row.duration === 'number' ? row.duration : data.manifest.scenario.duration;
  const warmup = typeof row.warmup === 'number' ? row.warmup : data.manifest.scenario.warmup;
  return duration - warmup;
}

/** The replication of each run id, from runs.csv. */
export function replicationOf(data: ResultsData): Map<string, number> {
  return new Map(data.runs.map((r) => [String(r.run_id), Number(r.replication)]));
}

/** The sweep point of each run id, from runs.csv. */
export function pointOf(data: ResultsData): Map<string, number> {
  return new Map(data.runs.map((r) => [String(r.run_id), Number(r.point)]));
}
