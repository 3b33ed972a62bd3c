// Opening a results directory for writing: `--out` must be new, empty or an earlier dv2g results
// directory (recognised by its manifest) unless forced; it is then locked against other processes, rid of
// what a killed dv2g process left half-written and, unless resuming, cleared of dv2g's own files (and nothing else).

import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lockDirectory, LOCK_FILE, type DirLock } from '../io/dirLock.js';
import { IoError } from '../io/ioError.js';
import { leftoversNotice, removeLeftovers } from '../io/leftovers.js';
import { MANIFEST_FILE, readManifest } from '../output/manifest.js';
import { ScenarioError } from '../scenario/problems.js';
import { STORE_DIR } from '../store/runStore.js';

/** Files dv2g writes into a results directory (removed before a fresh, non-resumed run). */
export const RESULT_FILES = [STORE_DIR, MANIFEST_FILE, 'runs.csv', 'aggregate.csv', 'timeseries.csv', 'market.csv', 'transactions.csv', 'blocks.csv', 'paired.csv', 'results.duckdb', 'parquet', 'charts', 'report.html', 'notebook.ipynb'];

export interface OpenResultsOptions {
  /** The command writing (recorded in the lock), e.g. `run`. */
  command: string;
  /** Write into a directory that is not a results directory (or has a damaged manifest). */
  force?: boolean;
  /** Keep the stored runs (and refuse a directory holding another scenario's results). */
  resume?: boolean;
  /** Scenario hash the directory's results must have when resuming. */
  sha256: string;
  /** Hears notices such as a stale lock taken over. */
  onNotice?(message: string): void;
}

/** Checks, creates and locks `outDir`, then clears it unless resuming; the caller releases the lock. */
export function openResultsDir(outDir: string, options: OpenResultsOptions): DirLock {
  const previousSha = checkOutDir(outDir, options.force ?? false);
  if (options.resume && previousSha !== undefined && previousSha !== options.sha256) {
    throw new ScenarioError([{ file: outDir, path: '', message: `holds results of a different scenario (sha256 ${previousSha.slice(0, 12)}, this one ${options.sha256.slice(0, 12)}); drop --resume or choose another --out` }]);
  }
  makeDirectory(outDir);
  const lock = lockDirectory(outDir, options.command, options.onNotice);
  try {
    const leftovers = removeLeftovers(outDir, RESULT_FILES, [STORE_DIR, 'charts']);
    if (leftovers.length) options.onNotice?.(leftoversNotice(leftovers));
    if (!options.resume) for (const f of RESULT_FILES) rmSync(join(outDir, f), { recursive: true, force: true });
    makeDirectory(join(outDir, STORE_DIR));
  } catch (error) {
    lock.release();
    throw IoError.from(error, 'prepare', outDir);
  }
  return lock;
}

/** Refuses `--out ''`, which would otherwise mean the current directory. */
export function refuseEmptyOut(outDir: string): void {
  if (outDir === '') throw new ScenarioError([{ file: '--out', path: '', message: 'expected a directory, got an empty string (use --out . for the current directory)' }]);
}

/**
 * Refuses an `--out` that is neither new, nor empty, nor a dv2g results directory (unless forced).
 * Returns the scenario hash of the results it holds, if any.
 */
export function checkOutDir(outDir: string, force: boolean): string | undefined {
  refuseEmptyOut(outDir);
  if (!existsSync(outDir)) return undefined;
  if (!statSync(outDir).isDirectory()) throw new ScenarioError([{ file: outDir, path: '', message: 'is a file, not a directory; choose a new or empty directory for --out' }]);
  const entries = readdirSync(outDir).filter((f) => f !== LOCK_FILE);
  if (entries.length === 0) return undefined;
  if (!entries.includes(MANIFEST_FILE)) {
    if (force) return undefined;
    const ours = RESULT_FILES.filter((f) => entries.includes(f));
    const replaced = ours.length ? ` (--force replaces ${ours.join(', ')} there)` : '';
    throw new ScenarioError([{ file: outDir, path: '', message: `is not empty and not a dv2g results directory (no ${MANIFEST_FILE}); choose a new or empty directory, or pass --force to write into it${replaced}` }]);
  }
  try {
    return readManifest(outDir).scenario_sha256;
  } catch (error) {
    if (force && error instanceof ScenarioError) return undefined;
    if (error instanceof ScenarioError) throw new ScenarioError(error.problems.map((p) => ({ ...p, message: `${p.message}; pass --force to overwrite this directory` })));
    throw error;
  }
}

function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw IoError.from(error, 'create', dir);
  }
}
