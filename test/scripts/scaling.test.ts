// scripts/scaling.mjs: runs a scenario on each thread count through the built CLI and reports wall time, speed-up,
// peak memory and whether the CSVs match the first count's; bad arguments exit 2 with a message.

import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = `
name: scaling
seed: 9
duration: 2h
replications: 2
fleet: {size: 80}
grid: {agents: 2}
network: {nodes: 10}
ledgers: [{kind: pow, blockInterval: 2m, miners: 2}]
`;

function scaling(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/scaling.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/scaling.mjs', () => {
  it('reports each thread count, with the CSVs identical to the first', () => {
    const scenario = join(dir, 'scaling.yaml');
    writeFileSync(scenario, SCENARIO);
    const out = join(dir, 'out');
    const r = scaling(['--threads', '1,2', '--out', out, '--keep', scenario]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(header).toEqual(['scenario', 'threads', 'wall_s', 'speed_up', 'peak_gib', 'csvs_identical']);
    expect(rows.map((row) => [row[1], row[5]])).toEqual([['1', 'yes (5 files)'], ['2', 'yes (5 files)']]);
    expect(rows[0][3]).toBe('1.00');
    for (const row of rows) expect(Number(row[4])).toBeGreaterThan(0.01);
    expect(existsSync(join(out, 'scaling-w2', 'runs.csv'))).toBe(true);
  }, 120_000);

  it('refuses bad thread counts and missing scenarios, exit 2', () => {
    expect(scaling(['--threads', '1,x', 'a.yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--threads: expected whole numbers >= 1') });
    expect(scaling([join(dir, 'missing.yaml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing.yaml: no such scenario file') });
    expect(scaling([])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: node scripts/scaling.mjs') });
  });
});
