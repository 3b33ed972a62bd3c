// --out is safe: a folder that is not a dv2g results directory is refused (its files kept) unless
// forced; two runs into one directory cannot both write it; runs missing from the store are not complete.

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { ScenarioError } from '../../src/scenario/problems.js';
import { LockedError } from '../../src/io/dirLock.js';
import { storePaths } from '../../src/store/runStore.js';
import { tempDir, TINY_SCENARIO } from './helpers.js';

const loaded = parseScenario(TINY_SCENARIO, 'tiny.yaml');

/** A folder of someone's earlier work, with names dv2g also writes. */
function foreignFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'charts'));
  writeFileSync(join(dir, 'charts', 'figure1.svg'), '<svg/>');
  writeFileSync(join(dir, 'report.html'), '<p>weeks of work</p>');
  writeFileSync(join(dir, 'runs.csv'), 'a,b\r\n');
  return dir;
}

describe('--out', { timeout: 60_000 }, () => {
  it('refuses a folder that is not a dv2g results directory and leaves its files alone', async () => {
    const dir = foreignFolder();
    const attempt = runScenario(loaded, { outDir: dir, workers: 1 });
    await expect(attempt).rejects.toThrow(ScenarioError);
    await expect(runScenario(loaded, { outDir: dir, workers: 1 })).rejects.toThrow(/not a dv2g results directory.*--force replaces runs\.csv, charts, report\.html/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<p>weeks of work</p>');
    expect(readFileSync(join(dir, 'charts', 'figure1.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(dir).sort()).toEqual(['charts', 'report.html', 'runs.csv']);
  });

  it('writes into it with force, and into new, empty and earlier results directories without', async () => {
    const forced = foreignFolder();
    expect((await runScenario(loaded, { outDir: forced, workers: 1, force: true })).status).toBe('complete');
    const empty = tempDir();
    expect((await runScenario(loaded, { outDir: empty, workers: 1 })).status).toBe('complete');
    expect((await runScenario(loaded, { outDir: empty, workers: 1 })).status).toBe('complete');
    expect((await runScenario(loaded, { outDir: join(tempDir(), 'new', 'dir'), workers: 1 })).status).toBe('complete');
    expect(existsSync(join(empty, '.lock'))).toBe(false);
  });

  it("refuses '' (the current folder by accident)", async () => {
    await expect(runScenario(loaded, { outDir: '', workers: 1 })).rejects.toThrow(/--out: expected a directory, got an empty string/);
  });

  it('refuses a damaged manifest unless forced', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), '{"dv2g_vers');
    await expect(runScenario(loaded, { outDir: dir, workers: 1, resume: true })).rejects.toThrow(/manifest\.json: is not a dv2g manifest.*--force/);
    expect((await runScenario(loaded, { outDir: dir, workers: 1, resume: true, force: true })).status).toBe('complete');
  });
});

describe('one writer per results directory', { timeout: 60_000 }, () => {
  it('lets only one of two runs into one --out write it; the other is refused naming the holder', async () => {
    const dir = tempDir();
    const other = parseScenario(TINY_SCENARIO.replace('seed: 5', 'seed: 6'), 'other.yaml');
    const [a, b] = await Promise.allSettled([runScenario(loaded, { outDir: dir, workers: 1 }), runScenario(other, { outDir: dir, workers: 1 })]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    const reason = (b as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(LockedError);
    expect(reason.message).toMatch(new RegExp(`in use by process ${process.pid} on `));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.scenario_sha256).toBe(loaded.sha256);
    expect(manifest.status).toBe('complete');
  });

  it('does not call complete a run whose stored results vanished before the end', async () => {
    const dir = tempDir();
    const summary = await runScenario(loaded, {
      outDir: dir,
      workers: 1,
      onProgress: (p) => {
        if (p.done === p.total && !p.assembling) rmSync(storePaths(dir, 'p0-tangle-r0').json);
      },
    });
    expect(summary.status).toBe('partial');
    expect(summary.failures.map((f) => f.runId)).toEqual(['p0-tangle-r0']);
    expect(summary.manifest.runs.find((r) => r.run_id === 'p0-tangle-r0')?.status).toBe('pending');
    expect(readFileSync(join(dir, 'runs.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(1 + 2);
  });
});

describe('what a killed process left half-written', { timeout: 60_000 }, () => {
  /** The temporaries of a dv2g process killed while it wrote the files, and a file of someone else's. */
  function leftBehind(dir: string): void {
    writeFileSync(join(dir, 'transactions.csv.tmp-4242-7'), 'half a file');
    writeFileSync(join(dir, 'results.duckdb.tmp-4242'), 'db');
    writeFileSync(join(dir, 'results.duckdb.tmp-4242.wal'), 'wal');
    mkdirSync(join(dir, 'parquet.tmp-4242'));
    writeFileSync(join(dir, 'parquet.tmp-4242', 'runs.parquet'), 'pq');
    mkdirSync(join(dir, 'charts'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'latency.png.tmp-4242-3'), 'png');
    writeFileSync(join(dir, '.runs', 'p0-tangle-r0.json.tmp-4242-1'), '{');
    writeFileSync(join(dir, 'notes.txt.tmp-4242-1'), 'not ours');
  }

  it.each([false, true])('is removed when the next run takes the directory (resume %s), with a notice', async (resume) => {
    const dir = tempDir();
    await runScenario(loaded, { outDir: dir, workers: 1 });
    leftBehind(dir);
    const notices: string[] = [];
    expect((await runScenario(loaded, { outDir: dir, workers: 1, resume, onNotice: (m) => notices.push(m) })).status).toBe('complete');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual(['notes.txt.tmp-4242-1']);
    expect(readdirSync(join(dir, '.runs')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(existsSync(join(dir, 'charts', 'latency.png.tmp-4242-3'))).toBe(false);
    expect(notices.filter((m) => m.startsWith('removed 6 temporary file(s) that a stopped dv2g process left half-written: '))).toHaveLength(1);
  });
});
