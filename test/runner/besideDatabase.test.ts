// Work beside the database (the run's report): runScenario hands it the manifest it then writes, calls what it
// returns only once that manifest and the database are in place, never for a run with nothing finished, and a
// failure there leaves the results whole. On the command line, the report a run writes is the one
// `dv2g report` rebuilds from the directory, byte for byte.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { buildReport } from '../../src/report/index.js';
import type { Manifest } from '../../src/output/manifest.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';
import { tempDir } from './helpers.js';

const MARKET = 'name: beside\nduration: 4h\nfleet: {size: 40}\ngrid: {agents: 2}\nnetwork: {nodes: 10, degree: 3}\nledgers: [{kind: pow, blockInterval: 5m}]\n';
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const newDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};

describe('work beside the database', { timeout: 120_000 }, () => {
  it('gets the manifest that is then written, and its result is called once the manifest and the database are in place', async () => {
    const outDir = newDir();
    const seen: { given?: Manifest; onDisk?: unknown; database?: boolean; csvs?: boolean } = {};
    const summary = await runScenario(parseScenario(MARKET, 'beside.yaml'), {
      outDir,
      workers: 1,
      async whileDatabaseBuilds(manifest) {
        seen.given = manifest;
        seen.csvs = existsSync(join(outDir, 'evs.csv')) && existsSync(join(outDir, 'runs.csv'));
        return () => {
          seen.onDisk = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
          seen.database = existsSync(join(outDir, 'results.duckdb'));
        };
      },
    });
    expect(summary.status).toBe('complete');
    expect(summary.alongsideError).toBeUndefined();
    expect(seen.csvs).toBe(true);
    expect(seen.given?.status).toBe('complete');
    expect(seen.onDisk).toEqual(seen.given);
    expect(seen.database).toBe(true);
  });

  it('is not asked for when no run finished, and its failure leaves the results whole', async () => {
    let asked = false;
    const stopped = new AbortController();
    stopped.abort();
    const none = await runScenario(parseScenario(MARKET, 'beside.yaml'), { outDir: newDir(), workers: 1, signal: stopped.signal, whileDatabaseBuilds: async () => { asked = true; return () => undefined; } });
    expect(none.status).toBe('interrupted');
    expect(asked).toBe(false);

    const outDir = newDir();
    const failed = await runScenario(parseScenario(MARKET, 'beside.yaml'), { outDir, workers: 1, whileDatabaseBuilds: async () => { throw new Error('no report today'); } });
    expect(failed.status).toBe('complete');
    expect((failed.alongsideError as Error).message).toBe('no report today');
    expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).status).toBe('complete');
    for (const file of ['runs.csv', 'evs.csv', 'market.csv', 'results.duckdb']) expect(existsSync(join(outDir, file)), file).toBe(true);
  });

  it('dv2g run writes the report dv2g report rebuilds from the directory', async () => {
    const outDir = newDir();
    const scenario = join(outDir, '..', `${outDir.split('/').pop()}.yaml`);
    dirs.push(scenario);
    writeFileSync(scenario, MARKET);
    const run = spawnSync(process.execPath, [...loaderFlags(), MAIN, 'run', scenario, '--out', outDir, '--workers', '1'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^report: \d+ charts, /m);
    const files = ['report.html', 'notebook.ipynb', join('charts', 'owner_benefit.vl.json'), join('charts', 'market.vl.json')];
    const written = files.map((f) => readFileSync(join(outDir, f), 'utf8'));
    expect(written[0]).toContain(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).ended_at);
    await buildReport(outDir);
    expect(files.map((f) => readFileSync(join(outDir, f), 'utf8'))).toEqual(written);
  });
});
