// Executes one run and stores its results in the results directory's run store.
// Used in-process (--workers 1) and inside worker threads alike, so both produce the same bytes.

import { performance } from 'node:perf_hooks';
import { simulateRun } from './simulateRun.js';
import { BLOCK_COLUMNS, storePaths, writeStoredRun, type StoredRun, type StoreIdentity } from '../store/runStore.js';
import { AtomicWriter } from '../io/atomicFile.js';
import { IoError } from '../io/ioError.js';
import { csvRows, type Cell } from '../output/csv.js';
import { transactionLines } from './transactionLines.js';
import type { BlockColumns } from '../ledger/ledger.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from '../scenario/runList.js';

export interface RunTask {
  scenario: Scenario;
  run: RunSpec;
  outDir: string;
  identity: StoreIdentity;
  /** Threads that carry a market run's partitions (1: the run's own thread only); results do not depend on it. */
  split?: number;
}

/**
 * What a running run is doing: drawing its world and solving what comes before its first step (`building`),
 * simulating, or storing its results once simulated (a national run spends seconds in each of the first and last).
 */
export type RunStage = 'building' | 'simulating' | 'storing';

/** Where a running run stands (posted when its stage changes, and about once a second of wall time while it simulates). */
export interface RunProgress {
  runId: string;
  stage: RunStage;
  simSeconds: number;
  durationSeconds: number;
  events: number;
  wallSeconds: number;
  /**
   * Where the run stood when the model first told its progress (its world built, its first step simulated): the
   * progress line measures the run's speed and ETA from there, as the build's seconds say little of the rest.
   */
  since: { simSeconds: number; events: number; wallSeconds: number };
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
/** Rows per chunk of the blocks file. */
const BLOCK_CHUNK = 50_000;

/**
 * Runs `task`; `onProgress` hears that it builds its world, where it stands every `intervalMs` of wall time while
 * it simulates (measured here, never in the model; the step that reaches the end always), and that it stores its results.
 */
export function executeRun(task: RunTask, onProgress?: (progress: RunProgress) => void, intervalMs = PROGRESS_INTERVAL_MS): RunResult {
  const { run, scenario, outDir, identity } = task;
  const started = performance.now();
  let lastReport = started;
  let since: RunProgress['since'] | undefined;
  const tell = (stage: RunStage, simSeconds: number, events: number, now = performance.now()) => {
    const wallSeconds = (now - started) / 1000;
    onProgress?.({ runId: run.runId, stage, simSeconds, durationSeconds: scenario.duration, events, wallSeconds, since: since ?? { simSeconds, events, wallSeconds } });
  };
  // The model's progress, at most once per interval, except the step that reaches the run's end.
  const report = onProgress && ((simSeconds: number, events: number) => {
    const now = performance.now();
    since ??= { simSeconds, events, wallSeconds: (now - started) / 1000 };
    if (now - lastReport < intervalMs && simSeconds < scenario.duration) return;
    lastReport = now;
    tell('simulating', simSeconds, events, now);
  });
  try {
    tell('building', 0, 0, started);
    if (faultInjected(run.runId)) throw new Error(`fault injected by DV2G_FAIL_RUNS for ${run.runId}`);
    const outcome = simulateRun(scenario, run, report, task.split);
    tell('storing', scenario.duration, outcome.metrics.events ?? 0);
    const paths = storePaths(outDir, run.runId);
    const sides = {
      transactions: scenario.outputs.transactions ? writeSideFile(paths.transactions, transactionLines(run, outcome.log, task.split ?? 1)) : null,
      blocks: outcome.blocks ? writeSideFile(paths.blocks, blockChunks(run, outcome.blocks)) : null,
      evs: outcome.evs ? writeSideFile(paths.evs, outcome.evs.chunks) : null,
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

/** Writes a run's side file (no header) from its text, chunk by chunk; returns its SHA-256. */
function writeSideFile(path: string, chunks: Iterable<string | Uint8Array>): string {
  const writer = new AtomicWriter(path, true);
  try {
    for (const chunk of chunks) writer.write(chunk);
    return writer.commit()!;
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/** The run's blocks file, BLOCK_CHUNK rows to a chunk. */
function* blockChunks(run: RunSpec, blocks: BlockColumns): Generator<string> {
  const tag = { run_id: run.runId, ledger: run.ledger };
  for (let start = 0; start < blocks.count; start += BLOCK_CHUNK) {
    const rows: Record<string, Cell>[] = [];
    for (let id = start; id < Math.min(blocks.count, start + BLOCK_CHUNK); id++) {
      rows.push({
        block_id: id, parent_id: blocks.parent[id] < 0 ? null : blocks.parent[id],
        height: blocks.height[id], producer: blocks.producer[id] < 0 ? null : blocks.producer[id], found_s: blocks.foundAt[id],
        size_bytes: blocks.sizeBytes[id], tx_count: blocks.txCount[id], main: blocks.main[id],
      });
    }
    yield csvRows(rows, BLOCK_COLUMNS, tag);
  }
}
