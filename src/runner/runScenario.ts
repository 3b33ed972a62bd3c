// Runs a loaded scenario into a results directory: the run list (or one shard of it), skipping
// stored runs on --resume, on a worker pool; then the CSV files and manifest.json.

import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedScenario } from '../scenario/load.js';
import { buildRunList, type RunSpec } from '../scenario/runList.js';
import { executeRuns } from './pool.js';
import type { RunResult, RunTask } from './executeRun.js';
import { hasStoredRun, readStoredRun, STORE_DIR } from './runStore.js';
import { writeResultFiles } from '../output/resultFiles.js';
import { environment, readManifest, writeManifest, type Manifest, type ManifestRun, type ResultsStatus } from '../output/manifest.js';
import { ScenarioError } from '../scenario/problems.js';

export interface Shard {
  /** 1-based index of this slice. */
  index: number;
  count: number;
}

export interface RunOptions {
  outDir: string;
  workers: number;
  shard?: Shard;
  resume?: boolean;
  signal?: AbortSignal;
  onProgress?(progress: Progress): void;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
  events: number;
  elapsedSeconds: number;
  last?: RunResult;
}

export interface RunSummary {
  outDir: string;
  status: ResultsStatus;
  runs: RunSpec[];
  failures: { runId: string; seed: number; error: string }[];
  manifest: Manifest;
}

/** Files a run writes into its results directory (removed before a fresh, non-resumed run). */
export const RESULT_FILES = [STORE_DIR, 'manifest.json', 'runs.csv', 'aggregate.csv', 'timeseries.csv', 'market.csv', 'transactions.csv', 'blocks.csv', 'charts', 'report.html', 'notebook.ipynb'];

/** The i-th of n slices of the run list: every n-th run starting at i (round-robin keeps slices balanced). */
export function shardOf<T>(runs: T[], shard?: Shard): T[] {
  return shard ? runs.filter((_, i) => i % shard.count === shard.index - 1) : runs;
}

export async function runScenario(loaded: LoadedScenario, options: RunOptions): Promise<RunSummary> {
  const { scenario } = loaded;
  const { outDir } = options;
  const runs = shardOf(buildRunList(loaded.points, scenario.seed, scenario.replications), options.shard);
  prepareOutDir(outDir, loaded.sha256, options.resume ?? false);

  const started = new Date();
  const results = new Map<string, RunResult>();
  const manifestOf = (status: ResultsStatus): Manifest => ({
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
    runs: runs.map((r) => manifestRun(outDir, r, results.get(r.runId))),
  });
  // Written first as `interrupted`, so a run killed outright still identifies its scenario for --resume.
  writeManifest(outDir, manifestOf('interrupted'));
  const pending = runs.filter((r) => !(options.resume && hasStoredRun(outDir, r.runId)));
  const tasks: RunTask[] = pending.map((run) => ({ scenario: loaded.points[run.point].scenario, run, outDir }));
  const progress: Progress = { done: runs.length - pending.length, total: runs.length, failed: 0, events: 0, elapsedSeconds: 0 };
  options.onProgress?.(progress);

  await executeRuns(tasks, {
    workers: options.workers,
    signal: options.signal,
    onResult(result) {
      results.set(result.runId, result);
      progress.done++;
      if (!result.ok) progress.failed++;
      progress.events += result.events;
      progress.elapsedSeconds = (Date.now() - started.getTime()) / 1000;
      progress.last = result;
      options.onProgress?.(progress);
    },
  });
  removeTemporaryFiles(join(outDir, STORE_DIR));

  const finished = runs.filter((r) => hasStoredRun(outDir, r.runId));
  await writeResultFiles({ outDir, runs: finished, sweptKeys: Object.keys(loaded.points[0].values), transactions: scenario.outputs.transactions, blocks: scenario.outputs.blocks });

  const failures = runs.flatMap((r) => {
    const result = results.get(r.runId);
    return result && !result.ok ? [{ runId: r.runId, seed: r.seed, error: result.error ?? 'unknown error' }] : [];
  });
  const interrupted = options.signal?.aborted ?? false;
  const status: ResultsStatus = interrupted ? 'interrupted' : failures.length === 0 ? 'complete' : finished.length === 0 ? 'failed' : 'partial';
  const manifest = manifestOf(status);
  writeManifest(outDir, manifest);
  return { outDir, status, runs, failures, manifest };
}

export function manifestRun(outDir: string, run: RunSpec, result: RunResult | undefined): ManifestRun {
  const base = { run_id: run.runId, point: run.point, ledger: run.ledger, replication: run.replication, seed: run.seed };
  if (result && !result.ok) return { ...base, status: 'failed', wall_s: result.wallSeconds, error: result.error?.split('\n')[0] };
  if (!hasStoredRun(outDir, run.runId)) return { ...base, status: 'pending' };
  const stored = readStoredRun(outDir, run.runId);
  return { ...base, status: result ? 'complete' : 'skipped', wall_s: stored.wallSeconds, events_per_s: stored.eventsPerSecond };
}

export function prepareOutDir(outDir: string, sha256: string, resume: boolean): void {
  if (resume && existsSync(join(outDir, 'manifest.json'))) {
    const previous = readManifest(outDir);
    if (previous.scenario_sha256 !== sha256) {
      throw new ScenarioError([{ file: outDir, path: '', message: `holds results of a different scenario (sha256 ${previous.scenario_sha256.slice(0, 12)}, this one ${sha256.slice(0, 12)}); drop --resume or choose another --out` }]);
    }
  }
  if (!resume) for (const f of RESULT_FILES) rmSync(join(outDir, f), { recursive: true, force: true });
  mkdirSync(join(outDir, STORE_DIR), { recursive: true });
}

function removeTemporaryFiles(dir: string): void {
  for (const f of readdirSync(dir)) if (f.includes('.tmp-')) rmSync(join(dir, f), { force: true });
}
