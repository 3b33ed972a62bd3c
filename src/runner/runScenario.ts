// Runs a loaded scenario into a results directory: the run list (or one shard of it), skipping
// stored runs on --resume, on a worker pool; then the CSV files and manifest.json.

import type { LoadedScenario } from '../scenario/load.js';
import { buildRunList, type RunSpec } from '../scenario/runList.js';
import { executeRuns } from './pool.js';
import type { RunProgress, RunResult, RunTask } from './executeRun.js';
import { openResultsDir } from './resultsDir.js';
import { removeLeftovers } from '../io/leftovers.js';
import { hasStoredRun, STORE_DIR, type StoreIdentity } from '../store/runStore.js';
import { resultStore, writeResultFiles, type ResultStore } from '../output/resultFiles.js';
import { estimatedWork } from '../scenario/estimate.js';
import { dv2gVersion, environment, writeManifest, type Manifest, type ManifestRun, type ResultsStatus } from '../output/manifest.js';

export interface Shard {
  /** 1-based index of this slice. */
  index: number;
  count: number;
}

export interface RunOptions {
  outDir: string;
  workers: number;
  /**
   * Threads per market run (its partitions' threads); the CSVs do not depend on it. Default: runs are
   * spread over the workers first and a large market run takes its share of the threads left idle.
   */
  split?: number;
  /** Estimated work from which a run may be split over idle workers (default SPLIT_MIN_WORK, src/runner/threadShare.ts). */
  splitMinWork?: number;
  shard?: Shard;
  resume?: boolean;
  /** Write into an --out that is not a dv2g results directory. */
  force?: boolean;
  signal?: AbortSignal;
  /** Hears one-line notices: a damaged stored run re-run on --resume, a stale lock taken over. */
  onNotice?(message: string): void;
  onProgress?(progress: Progress): void;
  /**
   * Work on the finished CSV files (the report) done while the database builds, given the manifest about to
   * be written; it resolves to a function called once that manifest is in place, still under the directory's
   * lock (the report's files are written then). Called only when some run finished and none was interrupted.
   */
  whileDatabaseBuilds?(manifest: Manifest): Promise<() => void>;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** Events of the finished runs and so far of the running ones. */
  events: number;
  elapsedSeconds: number;
  last?: RunResult;
  /** The runs under way, as last reported (simulated time reached, events, wall time so far). */
  running: RunProgress[];
  /** The runs are over and the result files (CSVs, DuckDB and Parquet) are being written. */
  assembling?: boolean;
}

export interface RunSummary {
  outDir: string;
  status: ResultsStatus;
  runs: RunSpec[];
  /** Runs of the whole run list (all shards). */
  totalRuns: number;
  failures: { runId: string; seed: number; error: string }[];
  manifest: Manifest;
  /** Why `whileDatabaseBuilds`'s work failed, when it did (the results are written all the same). */
  alongsideError?: unknown;
}

/** The i-th of n slices of the run list: every n-th run starting at i (round-robin keeps slices balanced). */
export function shardOf<T>(runs: T[], shard?: Shard): T[] {
  return shard ? runs.filter((_, i) => i % shard.count === shard.index - 1) : runs;
}

export async function runScenario(loaded: LoadedScenario, options: RunOptions): Promise<RunSummary> {
  const { scenario } = loaded;
  const { outDir } = options;
  const runList = buildRunList(loaded.points, scenario.seed, scenario.replications);
  const runs = shardOf(runList, options.shard);
  const lock = openResultsDir(outDir, { command: 'run', sha256: loaded.sha256, resume: options.resume, force: options.force, onNotice: options.onNotice });
  try {
    return await runLocked(loaded, runs, runList.length, options);
  } finally {
    lock.release();
  }
}

async function runLocked(loaded: LoadedScenario, runs: RunSpec[], totalRuns: number, options: RunOptions): Promise<RunSummary> {
  const { scenario } = loaded;
  const { outDir } = options;
  const identity: StoreIdentity = { scenarioSha256: loaded.sha256, dv2gVersion: dv2gVersion() };
  const started = new Date();
  const results = new Map<string, RunResult>();
  // Each stored run is checked and its rows formatted as soon as it ends, while the others still run.
  const store = resultStore(outDir, identity);
  const manifestOf = (status: ResultsStatus, finished: Set<string>): Manifest => ({
    ...environment(),
    scenario_file: loaded.file,
    scenario_sha256: loaded.sha256,
    root_seed: scenario.seed,
    scenario,
    workers: options.workers,
    shard: options.shard ?? null,
    started_at: started.toISOString(),
    ended_at: new Date().toISOString(),
    status,
    runs: runs.map((r) => manifestRun(store, r, results.get(r.runId), finished)),
  });
  // Written first as `interrupted`, so a run killed outright still identifies its scenario for --resume.
  writeManifest(outDir, manifestOf('interrupted', new Set()));
  const pending = options.resume ? runs.filter((r) => needsRun(store, r, options.onNotice)) : runs;
  const tasks = longestFirst(pending.map((run): RunTask => ({ scenario: loaded.points[run.point].scenario, run, outDir, identity, split: options.split })));
  const runById = new Map(pending.map((run) => [run.runId, run]));
  const running = new Map<string, RunProgress>();
  let finishedEvents = 0;
  const progress: Progress = { done: runs.length - pending.length, total: runs.length, failed: 0, events: 0, elapsedSeconds: 0, running: [] };
  const report = () => {
    progress.running = [...running.values()];
    progress.events = finishedEvents + progress.running.reduce((sum, r) => sum + r.events, 0);
    progress.elapsedSeconds = (Date.now() - started.getTime()) / 1000;
    options.onProgress?.(progress);
  };
  options.onProgress?.(progress);

  await executeRuns(tasks, {
    workers: options.workers,
    signal: options.signal,
    splitMinWork: options.splitMinWork,
    onResult(result) {
      results.set(result.runId, result);
      const run = runById.get(result.runId);
      // After the pool has handed the freed thread its next run; anything amiss is found again at the end.
      if (result.ok && run) setImmediate(() => { try { store.problem(run); } catch { /* checked again below */ } });
      progress.done++;
      if (!result.ok) progress.failed++;
      finishedEvents += result.events;
      running.delete(result.runId);
      progress.last = result;
      report();
    },
    onRunProgress(runProgress) {
      if (results.has(runProgress.runId)) return;
      running.set(runProgress.runId, runProgress);
      report();
    },
  });
  // What runs stopped mid-write left (their threads ended with them).
  removeLeftovers(outDir, [], [STORE_DIR]);
  progress.assembling = true;
  report();

  // Only what the store holds, intact and this scenario's, counts: a run that another process
  // overwrote or removed is not complete, whatever its worker reported.
  const problems = new Map(runs.map((r) => [r.runId, store.problem(r)]));
  const finished = runs.filter((r) => problems.get(r.runId) === undefined);
  const failures = runs.flatMap((r) => {
    const result = results.get(r.runId);
    if (result && !result.ok) return [{ runId: r.runId, seed: r.seed, error: result.error ?? 'unknown error' }];
    const problem = problems.get(r.runId);
    return problem && (result || !options.signal?.aborted) ? [{ runId: r.runId, seed: r.seed, error: `not in the store: ${problem.path} ${problem.reason}` }] : [];
  });
  // The manifest is made once the CSVs are written (its end time is theirs) and written after the database,
  // so that a directory whose manifest is final has every file; what runs beside the database reads it then.
  let manifest: Manifest | undefined;
  const manifestNow = () => {
    const interrupted = options.signal?.aborted ?? false;
    const status: ResultsStatus = interrupted ? 'interrupted' : finished.length === runs.length ? 'complete' : finished.length === 0 ? 'failed' : 'partial';
    return (manifest = manifestOf(status, new Set(finished.map((r) => r.runId))));
  };
  const alongside = options.whileDatabaseBuilds;
  const afterCsvs = () => {
    const made = manifestNow();
    return alongside && made.status !== 'interrupted' && finished.length > 0 ? alongside(JSON.parse(JSON.stringify(made)) as Manifest) : Promise.resolve(undefined);
  };
  const done = await writeResultFiles({ outDir, runs: finished, identity, store, sweptKeys: Object.keys(loaded.points[0].values), transactions: scenario.outputs.transactions, database: scenario.outputs.database, blocks: scenario.outputs.blocks, afterCsvs });
  manifest ??= manifestNow();
  writeManifest(outDir, manifest);
  const { status } = manifest;
  if (done?.status === 'fulfilled') done.value?.();
  const alongsideError = done?.status === 'rejected' ? done.reason as unknown : undefined;
  return { outDir, status, runs, totalRuns, failures, manifest, ...(alongsideError === undefined ? {} : { alongsideError }) };
}

/**
 * The tasks in the order they go to the pool: the most estimated work first, so that a sweep's largest
 * runs do not start last and leave threads idle at the end (ties keep run-list order). Only the order of
 * work changes: run ids, seeds and the files' row order stay the run list's.
 */
export function longestFirst(tasks: RunTask[]): RunTask[] {
  const work = tasks.map((t) => estimatedWork(t.scenario, t.scenario.ledgers[t.run.ledgerIndex]));
  return tasks.map((task, i) => ({ task, i })).sort((a, b) => work[b.i] - work[a.i] || a.i - b.i).map(({ task }) => task);
}

/** On --resume: whether `run` must run (again), saying why when a stored run is there but unusable. */
function needsRun(store: ResultStore, run: RunSpec, onNotice?: (message: string) => void): boolean {
  const problem = store.problem(run);
  if (problem && hasStoredRun(store.outDir, run.runId)) onNotice?.(`re-running ${run.runId}: ${problem.path} ${problem.reason}`);
  return problem !== undefined;
}

/** A run's manifest entry; `finished` holds the runs whose stored results are sound. */
function manifestRun(store: ResultStore, run: RunSpec, result: RunResult | undefined, finished: Set<string>): ManifestRun {
  const base = { run_id: run.runId, point: run.point, ledger: run.ledger, replication: run.replication, seed: run.seed };
  if (result && !result.ok) return { ...base, status: 'failed', wall_s: result.wallSeconds, error: result.error?.split('\n')[0] };
  if (!finished.has(run.runId)) return { ...base, status: 'pending' };
  const stored = store.get(run);
  return { ...base, status: result ? 'complete' : 'skipped', wall_s: stored.wallSeconds, events_per_s: stored.eventsPerSecond };
}
