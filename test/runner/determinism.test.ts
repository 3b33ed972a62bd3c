// Reproducibility: byte-identical CSVs for any worker count and for shards joined by merge;
// resume after a partial run; a failing run leaves the others written.

import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { mergeResults } from '../../src/runner/merge.js';
import { readManifest } from '../../src/output/manifest.js';
import { csvSnapshot, SMALL_SCENARIO, tempDir } from './helpers.js';

const loaded = parseScenario(SMALL_SCENARIO, 'small.yaml');
const dirs: string[] = [];
const out = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  delete process.env.DV2G_FAIL_RUNS;
});

describe('determinism across workers, shards and resume', () => {
  let reference: Record<string, string | null>;

  it('writes every CSV file, the same twice in a row in-process', async () => {
    const a = out(), b = out();
    await runScenario(loaded, { outDir: a, workers: 1 });
    await runScenario(loaded, { outDir: b, workers: 1 });
    reference = csvSnapshot(a);
    for (const text of Object.values(reference)) expect(text).toBeTruthy();
    expect(csvSnapshot(b)).toEqual(reference);
    expect(readManifest(a).status).toBe('complete');
    expect(readManifest(a).runs).toHaveLength(2 * 3 * 2);
  });

  it.each([2, 4])('gives the same bytes with %i workers', async (workers) => {
    const d = out();
    await runScenario(loaded, { outDir: d, workers });
    expect(csvSnapshot(d)).toEqual(reference);
  });

  it('gives the same bytes for 3 shards merged', async () => {
    const shards = [1, 2, 3].map((index) => {
      const d = out();
      return { d, index };
    });
    for (const { d, index } of shards) await runScenario(loaded, { outDir: d, workers: 1, shard: { index, count: 3 } });
    const merged = out();
    const summary = await mergeResults(shards.map((s) => s.d), merged);
    expect(summary.status).toBe('complete');
    expect(csvSnapshot(merged)).toEqual(reference);
  });

  it('refuses to merge shards of different scenarios', async () => {
    const a = out(), b = out();
    await runScenario(loaded, { outDir: a, workers: 1, shard: { index: 1, count: 6 } });
    await runScenario(parseScenario(SMALL_SCENARIO.replace('seed: 11', 'seed: 12'), 'other.yaml'), { outDir: b, workers: 1, shard: { index: 2, count: 6 } });
    await expect(mergeResults([a, b], out())).rejects.toThrow(/different scenario/);
  });

  it('keeps the other runs when one fails, and resume completes them to the same bytes', async () => {
    const d = out();
    process.env.DV2G_FAIL_RUNS = 'p1-pow-r0';
    const partial = await runScenario(loaded, { outDir: d, workers: 2 });
    expect(partial.status).toBe('partial');
    expect(partial.failures.map((f) => f.runId)).toEqual(['p1-pow-r0']);
    expect(readFileSync(join(d, 'runs.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(1 + 11);
    delete process.env.DV2G_FAIL_RUNS;
    const resumed = await runScenario(loaded, { outDir: d, workers: 1, resume: true });
    expect(resumed.status).toBe('complete');
    expect(resumed.manifest.runs.filter((r) => r.status === 'complete')).toHaveLength(1);
    expect(csvSnapshot(d)).toEqual(reference);
  });

  it('gives the same bytes for the market workload with 1 and 2 workers on every ledger kind, and the same market on every feeless ledger', async () => {
    const market = parseScenario('name: m\nduration: 6h\nreplications: 2\nfleet: {size: 200}\nnetwork: {nodes: 20}\nledgers: [{kind: tangle}, {kind: pow, blockInterval: 5m, feeRate: 0}, {kind: lightchain}, {kind: pos}, {kind: poet}, {kind: pob}]\noutputs: {blocks: true}\n', 'm.yaml');
    const a = out(), b = out();
    await runScenario(market, { outDir: a, workers: 1 });
    await runScenario(market, { outDir: b, workers: 2 });
    expect(csvSnapshot(b)).toEqual(csvSnapshot(a));
    expect(readFileSync(join(b, 'evs.csv'), 'utf8')).toBe(readFileSync(join(a, 'evs.csv'), 'utf8'));
    const rows = readFileSync(join(a, 'market.csv'), 'utf8').split('\r\n').filter(Boolean).slice(1);
    const byLedger = new Map<string, string[]>();
    for (const row of rows) {
      const [runId, ledger, ...rest] = row.split(',');
      const key = `${ledger}/${runId.split('-').at(-1)}`;
      byLedger.set(key, [...(byLedger.get(key) ?? []), rest.join(',')]);
    }
    expect(byLedger.get('pow/r0')).toEqual(byLedger.get('tangle/r0'));
    expect(byLedger.get('lightchain/r1')).toEqual(byLedger.get('tangle/r1'));
    for (const kind of ['pos', 'poet', 'pob']) expect(byLedger.get(`${kind}/r0`)).toEqual(byLedger.get('tangle/r0'));
    expect(byLedger.get('tangle/r0')).not.toEqual(byLedger.get('tangle/r1'));
  });

  it('refuses to resume into results of a different scenario', async () => {
    const d = out();
    await runScenario(loaded, { outDir: d, workers: 1, shard: { index: 1, count: 12 } });
    const other = parseScenario(SMALL_SCENARIO.replace('seed: 11', 'seed: 13'), 'other.yaml');
    await expect(runScenario(other, { outDir: d, workers: 1, resume: true })).rejects.toThrow(/different scenario/);
  });
});

process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
