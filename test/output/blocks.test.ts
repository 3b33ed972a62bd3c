// blocks.csv: written with outputs.blocks for every chain ledger (none for the tangle), with SPEC.md's
// columns; main flags form one chain from genesis to the tip; stale rows match runs.csv's stale_blocks.

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { tempDir } from '../runner/helpers.js';

const SCENARIO = `
name: blocks
duration: 20m
workload: {kind: poisson, rate: 3}
network: {nodes: 20, degree: 3, latency: 1s}
ledgers:
  - {kind: tangle}
  - {kind: pow, blockInterval: 5s, miners: 8}
  - {kind: lightchain, blockInterval: 10s}
  - {kind: pos, blockInterval: 2s}
  - {kind: poet, blockInterval: 5s}
  - {kind: pob, blockInterval: 5s}
outputs: {blocks: true, report: false}
`;

type Row = Record<string, string>;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blocks.csv', { timeout: 60_000 }, () => {
  let blocks: Row[], runs: Row[], header: string;
  it('is written with the columns SPEC.md names', async () => {
    await runScenario(parseScenario(SCENARIO, 'blocks.yaml'), { outDir: dir, workers: 1 });
    const text = readFileSync(join(dir, 'blocks.csv'), 'utf8');
    header = text.split('\r\n')[0];
    expect(header).toBe('run_id,ledger,block_id,parent_id,height,producer,found_s,size_bytes,tx_count,main');
    blocks = parse(text, { columns: true }) as Row[];
    runs = parse(readFileSync(join(dir, 'runs.csv'), 'utf8'), { columns: true }) as Row[];
  });

  it('holds every chain ledger and not the tangle', () => {
    expect([...new Set(blocks.map((b) => b.ledger))]).toEqual(['pow', 'lightchain', 'pos', 'poet', 'pob']);
  });

  it('flags one main chain from genesis to the tip per run, and as many other blocks as runs.csv calls stale', () => {
    for (const run of runs.filter((r) => r.ledger !== 'tangle')) {
      const rows = blocks.filter((b) => b.run_id === run.run_id);
      const byId = new Map(rows.map((b) => [b.block_id, b]));
      const main = rows.filter((b) => b.main === '1').sort((a, b) => Number(a.height) - Number(b.height));
      main.forEach((b, h) => {
        expect(Number(b.height)).toBe(h);
        if (h > 0) expect(byId.get(b.parent_id)!.block_id).toBe(main[h - 1].block_id);
      });
      expect(main[0].parent_id).toBe('');
      expect(rows.length - 1).toBe(Number(run.blocks_found));
      expect(rows.filter((b) => b.main === '0').length).toBe(Number(run.stale_blocks));
      for (const b of rows.slice(1)) expect(Number(byId.get(b.parent_id)!.height)).toBe(Number(b.height) - 1);
    }
    expect(blocks.some((b) => b.ledger === 'pow' && b.main === '0')).toBe(true);
  });
});
