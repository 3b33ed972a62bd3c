// The per-run store inside a results directory (`.runs/`): each finished run leaves
// `<run_id>.json` (its metrics and rows) and, when asked, `<run_id>.transactions.csv` and
// `<run_id>.blocks.csv` (rows, no header).
// The JSON is renamed into place last, so its presence means the run is complete (used by --resume and merge).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricValue } from '../metrics/runMetrics.js';
import type { MarketIntervalRecord } from '../model/workload/workload.js';
import type { TimeseriesRow } from './simulateRun.js';
import type { RunSpec } from '../scenario/runList.js';

export const STORE_DIR = '.runs';

export interface StoredRun {
  run: RunSpec;
  metrics: Record<string, MetricValue>;
  timeseries: TimeseriesRow[];
  market: MarketIntervalRecord[];
  wallSeconds: number;
  eventsPerSecond: number;
}

export const TRANSACTION_COLUMNS = ['run_id', 'ledger', 'tx_id', 'issuer', 'size_bytes', 'value', 'fee', 'submitted_s', 'confirmed_s', 'latency_s'] as const;

export const BLOCK_COLUMNS = ['run_id', 'ledger', 'block_id', 'parent_id', 'height', 'producer', 'found_s', 'size_bytes', 'tx_count', 'main'] as const;

export function storePaths(outDir: string, runId: string): { json: string; transactions: string; blocks: string } {
  return {
    json: join(outDir, STORE_DIR, `${runId}.json`),
    transactions: join(outDir, STORE_DIR, `${runId}.transactions.csv`),
    blocks: join(outDir, STORE_DIR, `${runId}.blocks.csv`),
  };
}

export function hasStoredRun(outDir: string, runId: string): boolean {
  return existsSync(storePaths(outDir, runId).json);
}

export function readStoredRun(outDir: string, runId: string): StoredRun {
  return JSON.parse(readFileSync(storePaths(outDir, runId).json, 'utf8')) as StoredRun;
}
