// Runs go to the pool longest first (by estimated work), while run ids and the CSVs keep the run list's order.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { estimatedWork } from '../../src/scenario/estimate.js';
import { tempDir } from './helpers.js';

const SWEEP = 'name: order\nseed: 2\nduration: 2h\nfleet: {size: 30}\nnetwork: {nodes: 10}\nledgers: [{kind: pow, blockInterval: 5m, feeRate: 0}, {kind: tangle}]\nsweep: {params: {fleet.size: [30, 240]}}\n';

describe('longest-first scheduling', () => {
  it('estimates more work for a larger fleet, a longer day and the tangle than a chain', () => {
    const { scenario } = parseScenario('name: w\nfleet: {size: 1000}\nledgers: [{kind: tangle}, {kind: pow}]\n', 'w.yaml');
    const [tangle, pow] = scenario.ledgers;
    expect(estimatedWork(scenario, tangle)).toBeGreaterThan(estimatedWork(scenario, pow));
    expect(estimatedWork({ ...scenario, fleet: { ...scenario.fleet, size: 2000 } }, pow)).toBeGreaterThan(estimatedWork(scenario, pow));
    expect(estimatedWork({ ...scenario, duration: scenario.duration * 2 }, pow)).toBeGreaterThan(estimatedWork(scenario, pow));
  });

  it('finishes the largest runs first on one worker, and writes runs.csv in run-list order', async () => {
    const finished: string[] = [];
    const out = tempDir();
    await runScenario(parseScenario(SWEEP, 'order.yaml'), { outDir: out, workers: 1, onProgress: (p) => p.last && finished.at(-1) !== p.last.runId && finished.push(p.last.runId) });
    expect(finished).toEqual(['p1-tangle-r0', 'p1-pow-r0', 'p0-tangle-r0', 'p0-pow-r0']);
    const ids = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(['p0-pow-r0', 'p0-tangle-r0', 'p1-pow-r0', 'p1-tangle-r0']);
  });
});
