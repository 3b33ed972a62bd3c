// The command line keeps results directories safe: a foreign --out, a repeated or empty --out, a held
// lock, a damaged manifest and merging into an input exit 2; a bad path exits 1; one line each, no stack.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir, TINY_SCENARIO } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

function dv2g(args: string[]) {
  const r = spawnSync(process.execPath, [...loaderFlags(), MAIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exactly one line on stderr, matching `pattern`, and no stack trace. */
function oneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('results directories on the command line', { timeout: 120_000 }, () => {
  const dir = tempDir();
  const scenario = join(dir, 'tiny.yaml');
  writeFileSync(scenario, TINY_SCENARIO);
  const run = (out: string, ...more: string[]) => dv2g(['run', scenario, '--out', out, '--workers', '1', '--no-report', '--quiet', ...more]);

  it('refuses a folder of other work (exit 2) and keeps it; --force writes into it', () => {
    const work = join(dir, 'work');
    expect(run(join(work, 'sub')).code).toBe(0);
    writeFileSync(join(work, 'report.html'), 'mine');
    const r = run(work);
    expect(r.code).toBe(2);
    oneLine(r.stderr, /work: is not empty and not a dv2g results directory .*--force/);
    expect(readFileSync(join(work, 'report.html'), 'utf8')).toBe('mine');
    expect(run(work, '--force').code).toBe(0);
    expect(readdirSync(work)).toContain('manifest.json');
  });

  it("refuses --out '' (exit 2), on run and on merge", () => {
    const r = run('');
    expect(r.code).toBe(2);
    oneLine(r.stderr, /--out: expected a directory/);
    // Not read as the current directory, which merge would then call an overlap with its input.
    const merged = dv2g(['merge', join(dir, 'any'), '--out', '', '--no-report']);
    expect(merged.code).toBe(2);
    oneLine(merged.stderr, /^error: --out: expected a directory, got an empty string/);
  });

  it('turns bad paths into one line naming the path and exit 1', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const notDir = run(join(file, 'out'));
    expect(notDir.code).toBe(1);
    oneLine(notDir.stderr, new RegExp(`^dv2g: cannot create ${file}/out: not a directory \\(ENOTDIR\\)`));
    const tooLong = run(join(dir, 'x'.repeat(300)));
    expect(tooLong.code).toBe(1);
    oneLine(tooLong.stderr, /^dv2g: cannot create .*x{300}: name too long \(ENAMETOOLONG\)/);
  });

  it('refuses an --out held by a live process (exit 2, naming pid and host) and takes over a dead one', () => {
    const out = join(dir, 'locked');
    expect(run(out).code).toBe(0);
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: 'now', command: 'run' }));
    const held = run(out);
    expect(held.code).toBe(2);
    oneLine(held.stderr, new RegExp(`in use by process ${process.pid} on ${hostname()}`));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: dead, host: hostname(), started: 'then', command: 'run' }));
    const stale = run(out);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain(`taking over a stale lock of process ${dead}`);
    expect(readdirSync(out)).not.toContain('.lock');
  });

  it('refuses a damaged manifest on --resume and on report (exit 2, naming the file)', () => {
    const out = join(dir, 'damaged');
    expect(run(out).code).toBe(0);
    writeFileSync(join(out, 'manifest.json'), '{"dv2g_version": "0.1');
    const resumed = run(out, '--resume');
    expect(resumed.code).toBe(2);
    oneLine(resumed.stderr, /damaged\/manifest\.json: is not a dv2g manifest/);
    const report = dv2g(['report', out]);
    expect(report.code).toBe(2);
    oneLine(report.stderr, /damaged\/manifest\.json: is not a dv2g manifest/);
  });

  it('merge refuses to write into one of its inputs (exit 2) and the input keeps its runs', () => {
    const a = join(dir, 'shard-a'), b = join(dir, 'shard-b');
    expect(run(a, '--shard', '1/2').code).toBe(0);
    expect(run(b, '--shard', '2/2').code).toBe(0);
    const before = readdirSync(join(a, '.runs')).sort();
    const r = dv2g(['merge', a, b, '--out', a, '--no-report']);
    expect(r.code).toBe(2);
    oneLine(r.stderr, /overlaps the input/);
    expect(readdirSync(join(a, '.runs')).sort()).toEqual(before);
    expect(dv2g(['merge', a, b, '--out', join(dir, 'merged'), '--no-report', '--quiet']).code).toBe(0);
  });
});
