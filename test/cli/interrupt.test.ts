// Ctrl-C (SIGINT) and SIGTERM (Slurm, Kubernetes): finished runs are kept, manifest.json says
// interrupted, exit code 130 or 143, no truncated file; a long run in progress stops at once, even alone.

import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

describe('interrupting a run', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('on %s keeps finished runs, says interrupted and exits %i', async (signal, code) => {
    const dir = tempDir();
    const scenario = join(dir, 'long.yaml');
    writeFileSync(scenario, 'name: long\nduration: 2h\nreplications: 40\nworkload: {kind: poisson, rate: 40}\nledgers: [{kind: tangle, tipSelection: urts}]\n');
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [...loaderFlags(), MAIN, 'run', scenario, '--out', out, '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const stored = () => (existsSync(join(out, '.runs')) ? readdirSync(join(out, '.runs')).filter((f) => f.endsWith('.json')).length : 0);
    for (let i = 0; i < 1500 && stored() < 2; i++) await sleep(100);
    expect(stored()).toBeGreaterThanOrEqual(2);
    child.kill(signal);
    expect(await exited).toBe(code);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('interrupted');
    const done = manifest.runs.filter((r: { status: string }) => r.status === 'complete').length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(40);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(done + 1);
    expect(stdout).toContain(`interrupted: ${done} of 40 runs finished; results in`);
    const everything = [...readdirSync(out), ...readdirSync(join(out, '.runs'))];
    expect(everything.filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('stops a long run alone on one worker at once, in the middle of its simulation', async () => {
    const dir = tempDir();
    const scenario = join(dir, 'national.yaml');
    // Seconds of work: it runs on a worker thread, so the signal is heard while it simulates.
    writeFileSync(scenario, 'name: national\nseed: 2\nduration: 1d\nfleet: {size: 50000}\ngrid: {agents: 10}\nledgers: [{kind: pow}]\n');
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [...loaderFlags(), MAIN, 'run', scenario, '--out', out, '--workers', '1', '--no-report'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data));
    child.stderr.on('data', (data: Buffer) => (stderr += data));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    for (let i = 0; i < 1500 && !stderr.includes('simulated'); i++) await sleep(100);
    expect(stderr).toContain('of 24h simulated');
    child.kill('SIGINT');
    expect(await exited).toBe(130);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('interrupted');
    expect(manifest.runs.map((r: { status: string }) => r.status)).toEqual(['pending']);
    expect(readdirSync(join(out, '.runs'))).toEqual([]);
    expect(stderr).not.toContain('storing');
    expect(stdout).toContain('interrupted: 0 of 1 runs finished; results in');
  }, 120_000);
});
