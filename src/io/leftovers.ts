// Temporaries that a dv2g process killed mid-write (a second Ctrl-C, SIGKILL, the OOM killer, a power cut)
// left in a results directory: `<name>.tmp-<pid>[-<n>]` beside each file it writes, and DuckDB's `.wal` and
// spill beside its database. They are removed once the directory's lock is held, when no live process writes
// (and those of runs stopped mid-write, from the run store, once a command's runs have ended).

import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A temporary dv2g writes within a subdirectory (AtomicWriter, copyFileAtomic): `<file>.tmp-<pid>-<n>`. */
const NESTED_TEMPORARY = /\.tmp-\d+-\d+$/;

function escaped(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes from `dir` the temporaries of its files `names` and every temporary inside its subdirectories
 * `nested`; returns what it removed, relative to `dir`. Only names dv2g itself gives temporaries are touched.
 */
export function removeLeftovers(dir: string, names: readonly string[], nested: readonly string[]): string[] {
  const ours = new RegExp(`^(?:${names.map(escaped).join('|')})\\.tmp-\\d+(?:-\\d+)?(?:\\.wal|\\.tmp)?$`);
  const removed = names.length ? readdirSync(dir).filter((f) => ours.test(f)) : [];
  for (const sub of nested) {
    const path = join(dir, sub);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) removed.push(...readdirSync(path).filter((f) => NESTED_TEMPORARY.test(f)).map((f) => join(sub, f)));
  }
  for (const f of removed) rmSync(join(dir, f), { recursive: true, force: true });
  return removed;
}

/** The notice for what removeLeftovers removed. */
export function leftoversNotice(removed: string[]): string {
  const shown = removed.slice(0, 3).join(', ') + (removed.length > 3 ? `, and ${removed.length - 3} more` : '');
  return `removed ${removed.length} temporary file(s) that a stopped dv2g process left half-written: ${shown}`;
}
