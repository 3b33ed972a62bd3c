// CheckedStore checks a stored run once and remembers it while its files are unchanged: a JSON or side
// file replaced, damaged or removed after the check is found at the next look, and a sound run is not
// read again.

import { describe, expect, it } from 'vitest';
import { copyFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { CheckedStore } from '../../src/store/checkedStore.js';
import { StoreError, storePaths, type StoredRun } from '../../src/store/runStore.js';
import { IDENTITY, storedRun, storeRun } from './storedRunFixture.js';
import { tempDir } from '../runner/helpers.js';

function setUp(): { dir: string; store: CheckedStore<number>; kept: StoredRun[]; run: StoredRun } {
  const dir = tempDir();
  const run = storedRun(0, 1.5);
  storeRun(dir, run);
  const kept: StoredRun[] = [];
  const store = new CheckedStore(dir, IDENTITY, (stored) => kept.push(stored));
  return { dir, store, kept, run };
}

describe('CheckedStore', () => {
  it('checks a sound run once and keeps what it took from it', () => {
    const { store, kept, run } = setUp();
    expect(store.problem(run.run)).toBeUndefined();
    expect(store.get(run.run)).toBe(1);
    expect(store.problem(run.run)).toBeUndefined();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toEqual(run);
  });

  const changes: [string, (dir: string, runId: string) => void, RegExp][] = [
    ['a side file damaged in place', (dir, id) => truncateSync(storePaths(dir, id).transactions, 5), /transactions\.csv is damaged/],
    ['a side file replaced', (dir, id) => {
      const path = storePaths(dir, id).transactions;
      writeFileSync(`${path}.new`, 'p0-tangle-r0,tangle,0,7,250,1.5,0,10,12.5,9.5\r\n');
      renameSync(`${path}.new`, path);
    }, /transactions\.csv is damaged/],
    ['a side file removed', (dir, id) => rmSync(storePaths(dir, id).transactions), /transactions\.csv is missing/],
    ['an unrecorded side file added', (dir, id) => writeFileSync(storePaths(dir, id).evs, 'x\r\n'), /evs\.csv is not recorded/],
    ['the JSON removed', (dir, id) => rmSync(storePaths(dir, id).json), /json is missing/],
  ];

  it.each(changes)('finds %s after the check', (_, change, reason) => {
    const { dir, store, run } = setUp();
    expect(store.problem(run.run)).toBeUndefined();
    change(dir, run.run.runId);
    const problem = store.problem(run.run);
    expect(`${problem?.path} ${problem?.reason}`).toMatch(reason);
    expect(() => store.get(run.run)).toThrow(StoreError);
  });

  it("reads the run again when its JSON is replaced by another sound one", () => {
    const { dir, store, kept, run } = setUp();
    store.get(run.run);
    const other = tempDir();
    const changed = { ...run, metrics: { ...run.metrics, latency_mean_s: 9 } };
    storeRun(other, changed);
    copyFileSync(storePaths(other, run.run.runId).json, storePaths(dir, run.run.runId).json);
    expect(store.get(run.run)).toBe(2);
    expect(kept[1].metrics.latency_mean_s).toBe(9);
  });

  it('checks a run again once a damaged file is mended', () => {
    const { dir, store, run } = setUp();
    const path = storePaths(dir, run.run.runId).transactions;
    copyFileSync(path, `${path}.good`);
    truncateSync(path, 5);
    expect(store.problem(run.run)?.reason).toMatch(/damaged/);
    renameSync(`${path}.good`, path);
    expect(store.problem(run.run)).toBeUndefined();
  });
});
