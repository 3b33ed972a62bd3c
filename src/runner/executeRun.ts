// Executes one run and stores its results in the results directory's run store.
// Used in-process (--workers 1) and inside worker threads alike, so both produce the same bytes.

import { performance } from 'node:perf_hooks';
import { simulateRun } from './simulateRun.js';
import { BLOCK_COLUMNS, EV_FILE_COLUMNS, storePaths, writeStoredRun, type StoredRun, type StoreIdentity } from '../store/runStore.js';
import { AtomicWriter } from '../io/atomicFile.js';
import { IoError } from '../io/ioError.js';
import { csvLines, csvRows, type Cell } from '../output/csv.js';
import type { BlockColumns } from '../ledger/ledger.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from '../scenario/runList.js';
import type { TxLog } from '../metrics/txLog.js';

export interface RunTask {
  scenario: Scenario;
  run: RunSpec;
  outDir: string;
  identity: StoreIdentity;
  /** Threads that carry a market run's partitions (1: the run's own thread only); results do not depend on it. */
  split?: number;
}

/** Where a running run stands (posted about once a second of wall time while it runs). */
export interface RunProgress {
  runId: string;
  simSeconds: number;
  durationSeconds: number;
  events: number;
  wallSeconds: number;
}

/** Wall time between two progress reports of one run. */
const PROGRESS_INTERVAL_MS = 1000;

export interface RunResult {
  runId: string;
  ok: boolean;
  events: number;
  wallSeconds: number;
  error?: string;
}

/** Test-only fault switch: a run whose id is listed in DV2G_FAIL_RUNS (comma-separated) throws. */
function faultInjected(runId: string): boolean {
  return (process.env.DV2G_FAIL_RUNS ?? '').split(',').includes(runId);
}
const TX_CHUNK = 50_000;

/** Runs `task`; `onProgress` hears where it stands every `intervalMs` of wall time (measured here, never in the model). */
export function executeRun(task: RunTask, onProgress?: (progress: RunProgress) => void, intervalMs = PROGRESS_INTERVAL_MS): RunResult {
  const { run, scenario, outDir, identity } = task;
  const started = performance.now();
  let lastReport = started;
  const report = onProgress && ((simSeconds: number, events: number) => {
    const now = performance.now();
    if (now - lastReport < intervalMs) return;
    lastReport = now;
    onProgress({ runId: run.runId, simSeconds, durationSeconds: scenario.duration, events, wallSeconds: (now - started) / 1000 });
  });
  try {
    if (faultInjected(run.runId)) throw new Error(`fault injected by DV2G_FAIL_RUNS for ${run.runId}`);
    const outcome = simulateRun(scenario, run, report, task.split);
    const paths = storePaths(outDir, run.runId);
    const sides = {
      transactions: scenario.outputs.transactions ? writeTransactions(paths.transactions, run, outcome.log) : null,
      blocks: outcome.blocks ? writeBlocks(paths.blocks, run, outcome.blocks) : null,
      evs: outcome.evs ? writeSideRows(paths.evs, outcome.evs, EV_FILE_COLUMNS, { run_id: run.runId, ledger: run.ledger }) : null,
    };
    const wallSeconds = (performance.now() - started) / 1000;
    const events = outcome.metrics.events ?? 0;
    const stored: StoredRun = { run, metrics: outcome.metrics, timeseries: outcome.timeseries, market: outcome.market, wallSeconds, eventsPerSecond: events / Math.max(wallSeconds, 1e-9) };
    writeStoredRun(outDir, stored, identity, sides);
    return { runId: run.runId, ok: true, events, wallSeconds };
  } catch (error) {
    const e = error as Error;
    const message = e instanceof IoError ? e.message : (e.stack ?? String(e));
    return { runId: run.runId, ok: false, events: 0, wallSeconds: (performance.now() - started) / 1000, error: message };
  }
}

/** Writes the run's transactions file; returns its SHA-256. */
function writeTransactions(path: string, run: RunSpec, log: TxLog): string {
  const writer = new AtomicWriter(path, true);
  try {
    for (let start = 0; start < log.count; start += TX_CHUNK) {
      const rows: Cell[][] = [];
      for (let id = start; id < Math.min(log.count, start + TX_CHUNK); id++) {
        const confirmed = log.confirmedAt[id];
        const isConfirmed = confirmed === confirmed;
        // cells in the order of runStore.ts TRANSACTION_COLUMNS
        rows.push([
          run.runId, run.ledger, id, log.issuer[id], log.sizeBytes[id], log.value[id], log.fee[id], log.submittedAt[id],
          isConfirmed ? confirmed : null, isConfirmed ? confirmed - log.submittedAt[id] : null,
        ]);
      }
      writer.write(csvLines(rows));
    }
    return writer.commit()!;
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/** Writes the run's blocks file; returns its SHA-256. */
function writeBlocks(path: string, run: RunSpec, blocks: BlockColumns): string {
  const rows: Record<string, Cell>[] = [];
  for (let id = 0; id < blocks.count; id++) {
    rows.push({
      run_id: run.runId, ledger: run.ledger, block_id: id, parent_id: blocks.parent[id] < 0 ? null : blocks.parent[id],
      height: blocks.height[id], producer: blocks.producer[id] < 0 ? null : blocks.producer[id], found_s: blocks.foundAt[id],
      size_bytes: blocks.sizeBytes[id], tx_count: blocks.txCount[id], main: blocks.main[id],
    });
  }
  return writeSideRows(path, rows, BLOCK_COLUMNS);
}

/**
 * Writes rows, each with the cells of `tag` first, to a run's side file (no header), TX_CHUNK rows at a time
 * (a national-scale run's evs.csv is a million rows); returns its SHA-256.
 */
function writeSideRows(path: string, rows: readonly object[], columns: readonly string[], tag: Record<string, Cell> = {}): string {
  const writer = new AtomicWriter(path, true);
  try {
    for (let start = 0; start < rows.length; start += TX_CHUNK) {
      writer.write(csvRows(rows.slice(start, start + TX_CHUNK) as Record<string, Cell>[], columns, tag));
    }
    return writer.commit()!;
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
