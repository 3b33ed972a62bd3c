// Worker threads compile their optimized code on their own thread (src/runner/compileOnOwnThread.ts): the flag is
// set once, before the first worker of a sweep or a split run starts, and a flag given to Node is kept.

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString }));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeEach(() => {
  setFlagsFromString.mockClear();
  vi.resetModules();
});

const TWO_RUNS = `
name: two-runs
seed: 3
duration: 2m
replications: 2
workload: {kind: poisson, rate: 2}
network: {nodes: 10}
ledgers: [{kind: pow, blockInterval: 30s, miners: 2}]
`;

const SPLIT = `
name: split-once
seed: 4
duration: 1h
fleet: {size: 60}
grid: {agents: 2}
ledgers: [{kind: pow, blockInterval: 2m, miners: 2}]
`;

async function run(yaml: string, options: { workers: number; split?: number }): Promise<void> {
  const [{ parseScenario }, { runScenario }, { tempDir }] = await Promise.all([import('../../src/scenario/load.js'), import('../../src/runner/runScenario.js'), import('./helpers.js')]);
  const outDir = tempDir();
  dirs.push(outDir);
  await runScenario(parseScenario(yaml, 'test.yaml'), { outDir, ...options });
}

describe('optimizing compiles on each worker thread', () => {
  it('is asked for once, before a sweep starts its workers', async () => {
    await run(TWO_RUNS, { workers: 2 });
    expect(setFlagsFromString.mock.calls).toEqual([['--no-concurrent-recompilation']]);
  });

  it('is asked for before a split run starts its partitions', async () => {
    await run(SPLIT, { workers: 1, split: 2 });
    expect(setFlagsFromString.mock.calls).toEqual([['--no-concurrent-recompilation']]);
  });

  it('is not asked for when everything runs on this thread', async () => {
    await run(TWO_RUNS, { workers: 1 });
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('keeps a --concurrent-recompilation or --no-concurrent-recompilation given to Node', async () => {
    const { compileOnOwnThread } = await import('../../src/runner/compileOnOwnThread.js');
    compileOnOwnThread(['--concurrent_recompilation']);
    compileOnOwnThread([]);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('names a flag this Node knows (V8 warns on stderr of one it does not)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CONCURRENT_COMPILES_FLAG } = await import('../../src/runner/compileOnOwnThread.js');
    for (const flag of [`--no-${CONCURRENT_COMPILES_FLAG}`, `--${CONCURRENT_COMPILES_FLAG}`]) {
      const child = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
      expect(child.status).toBe(0);
      expect(child.stderr).not.toMatch(/flag/i);
    }
    const unknown = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--no-such-v8-flag')"], { encoding: 'utf8' });
    expect(unknown.stderr).toMatch(/unrecognized flag|unknown flag/i);
  });

  it('can be set either way for the threads started next (the bench times both)', async () => {
    const { compileOnOwnThread, setWorkerCompiles } = await import('../../src/runner/compileOnOwnThread.js');
    setWorkerCompiles('background');
    setWorkerCompiles('own thread');
    compileOnOwnThread([]);
    expect(setFlagsFromString.mock.calls).toEqual([['--concurrent-recompilation'], ['--no-concurrent-recompilation']]);
  });
});
