// The stored runs of one results directory, each checked once per process (checkStoredRun: its JSON and
// side files' hashes) as soon as it is stored, so a sweep checks and prepares its runs while the others
// still run. What `keep` takes from a sound run is remembered with the files' fingerprints (inode, size,
// mtime, ctime); a later look re-checks a run only when one of its files changed, appeared or went away.

import { statSync } from 'node:fs';
import type { RunSpec } from '../scenario/runList.js';
import { checkStoredRun, SIDE_FILES, storePaths, StoreError, type StoredRun, type StoreIdentity, type StoreProblem } from './runStore.js';

interface Entry<T> {
  fingerprint: string;
  kept?: T;
  problem?: StoreProblem;
}

export class CheckedStore<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    readonly outDir: string,
    readonly identity: StoreIdentity,
    private readonly keep: (stored: StoredRun) => T,
  ) {}

  /** Why the stored run of `run` cannot be used, or undefined when it is sound. */
  problem(run: RunSpec): StoreProblem | undefined {
    return this.entry(run).problem;
  }

  /** What `keep` took from the sound stored run of `run`; throws StoreError when it is unusable. */
  get(run: RunSpec): T {
    const entry = this.entry(run);
    if (entry.problem) throw new StoreError(entry.problem);
    return entry.kept!;
  }

  private entry(run: RunSpec): Entry<T> {
    const fingerprint = this.fingerprint(run);
    const known = this.entries.get(run.runId);
    if (known?.fingerprint === fingerprint) return known;
    // Fingerprinted before reading: a file replaced while it is read shows as changed next time.
    const checked = checkStoredRun(this.outDir, run, this.identity);
    const entry: Entry<T> = 'reason' in checked ? { fingerprint, problem: checked } : { fingerprint, kept: this.keep(checked) };
    this.entries.set(run.runId, entry);
    return entry;
  }

  private fingerprint(run: RunSpec): string {
    const paths = storePaths(this.outDir, run.runId);
    return [paths.json, ...SIDE_FILES.map((side) => paths[side])]
      .map((path) => {
        const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
        return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : '-';
      })
      .join('|');
  }
}
