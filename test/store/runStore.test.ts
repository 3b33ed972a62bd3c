// The run store is checked, not trusted: a truncated, tampered or misplaced stored run is re-run by
// --resume (which says so) to the same bytes, and refused by merge naming the file; merge never
// writes into one of its inputs.

import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { mergeResults } from '../../src/runner/merge.js';
import { ScenarioError } from '../../src/scenario/problems.js';
import { storePaths } from '../../src/store/runStore.js';
import { csvSnapshot, tempDir, TINY_SCENARIO } from '../runner/helpers.js';

const loaded = parseScenario(TINY_SCENARIO, 'tiny.yaml');
let reference: Record<string, string | null>;

beforeAll(async () => {
  const dir = tempDir();
  await runScenario(loaded, { outDir: dir, workers: 1 });
  reference = csvSnapshot(dir);
});

async function completeRun(): Promise<string> {
  const dir = tempDir();
  await runScenario(loaded, { outDir: dir, workers: 1 });
  return dir;
}

async function resume(dir: string): Promise<{ notices: string[]; rerun: string[] }> {
  const notices: string[] = [];
  const summary = await runScenario(loaded, { outDir: dir, workers: 1, resume: true, onNotice: (m) => notices.push(m) });
  expect(summary.status).toBe('complete');
  return { notices, rerun: summary.manifest.runs.filter((r) => r.status === 'complete').map((r) => r.run_id) };
}

/** Ways a stored run p0-tangle-r1 of `dir` gets damaged; `donor` holds a sound p0-tangle-r0. */
const damages: [string, (dir: string, donor: string) => void][] = [
  ['a truncated JSON', (dir) => truncateSync(storePaths(dir, 'p0-tangle-r1').json, 200)],
  ["another run's valid JSON in its place", (dir, donor) => copyFileSync(storePaths(donor, 'p0-tangle-r0').json, storePaths(dir, 'p0-tangle-r1').json)],
  ['an edited metric (valid JSON)', (dir) => {
    const path = storePaths(dir, 'p0-tangle-r1').json;
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"tx_submitted":(\d+)/, (_, n) => `"tx_submitted":${Number(n) + 1}`));
  }],
  ['a truncated transactions file', (dir) => truncateSync(storePaths(dir, 'p0-tangle-r1').transactions, 10)],
];

describe('stored runs are checked', { timeout: 60_000 }, () => {
  it.each(damages)('--resume re-runs a stored run with %s, says so, and gives the same bytes', async (_, damage) => {
    const dir = await completeRun();
    damage(dir, dir);
    const { notices, rerun } = await resume(dir);
    expect(rerun).toEqual(['p0-tangle-r1']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^re-running p0-tangle-r1: .*p0-tangle-r1\.(json|transactions\.csv) (is damaged|does not belong here)/);
    expect(csvSnapshot(dir)).toEqual(reference);
  });

  it.each(damages)('merge refuses a shard holding %s, naming the file', async (_, damage) => {
    const shards = [tempDir(), tempDir()];
    for (const [i, dir] of shards.entries()) await runScenario(loaded, { outDir: dir, workers: 1, shard: { index: i + 1, count: 2 } });
    damage(shards[1], shards[0]);
    const out = join(tempDir(), 'merged');
    const merging = mergeResults(shards, out);
    await expect(merging).rejects.toThrow(ScenarioError);
    await expect(mergeResults(shards, out)).rejects.toThrow(new RegExp(`${shards[1]}/\\.runs/p0-tangle-r1\\.(json|transactions\\.csv): .*merge refuses it`));
  });

  it('merges intact shards to the same bytes', async () => {
    const shards = [tempDir(), tempDir()];
    for (const [i, dir] of shards.entries()) await runScenario(loaded, { outDir: dir, workers: 1, shard: { index: i + 1, count: 2 } });
    const out = tempDir();
    expect((await mergeResults(shards, out)).status).toBe('complete');
    expect(csvSnapshot(out)).toEqual(reference);
  });

  it('merge refuses an output that is one of its inputs or inside one, and keeps the inputs whole', async () => {
    const shards = [tempDir(), tempDir()];
    for (const [i, dir] of shards.entries()) await runScenario(loaded, { outDir: dir, workers: 1, shard: { index: i + 1, count: 2 } });
    const before = readdirSync(join(shards[0], '.runs')).sort();
    await expect(mergeResults(shards, shards[0])).rejects.toThrow(/overlaps the input/);
    await expect(mergeResults(shards, join(shards[1], 'merged'))).rejects.toThrow(/overlaps the input/);
    expect(readdirSync(join(shards[0], '.runs')).sort()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
