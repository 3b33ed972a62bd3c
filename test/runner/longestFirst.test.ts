// Runs go to the pool longest first (by estimated work), while run ids and the CSVs keep the run list's order.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { autoSplitThreads, estimatedWork, expectedBlocks, marketWork } from '../../src/scenario/estimate.js';
import { tempDir } from './helpers.js';

const SWEEP = 'name: order\nseed: 2\nduration: 2h\nfleet: {size: 30}\nnetwork: {nodes: 10}\nledgers: [{kind: pow, blockInterval: 5m, feeRate: 0}, {kind: tangle}]\nsweep: {params: {fleet.size: [30, 240]}}\n';

describe('longest-first scheduling', () => {
  it("estimates more work for a larger fleet, a longer day and the tangle's market than a chain's", () => {
    const { scenario } = parseScenario('name: w\nfleet: {size: 1000}\nledgers: [{kind: tangle}, {kind: pow}]\n', 'w.yaml');
    const [tangle, pow] = scenario.ledgers;
    expect(marketWork(scenario, tangle)).toBeGreaterThan(marketWork(scenario, pow));
    expect(estimatedWork({ ...scenario, fleet: { ...scenario.fleet, size: 2000 } }, pow)).toBeGreaterThan(estimatedWork(scenario, pow));
    expect(estimatedWork({ ...scenario, duration: scenario.duration * 2 }, pow)).toBeGreaterThan(estimatedWork(scenario, pow));
  });

  it("counts flooding a chain's blocks over the peer graph, which splitting a run does not spread", () => {
    // The paper's sweep: LightChain's 4.8-second blocks made its 1,000-EV day (3.0 s) longer than PoW's 16,000-EV one (0.7 s).
    const network = 'network: {nodes: 200, degree: 8, latency: {dist: lognormal, mean: 100ms, sd: 50ms}}';
    const at = (evs: number) => parseScenario(`name: w\nduration: 24h\nfleet: {size: ${evs}}\ngrid: {agents: 16}\n${network}\nledgers: [{kind: lightchain}, {kind: pow, blockInterval: 10m}, {kind: tangle}, {kind: pos, blockInterval: 5s}]\n`, 'w.yaml').scenario;
    const small = at(1000), large = at(16_000);
    const [lightchain, pow, tangle, pos] = small.ledgers;
    // That day's LightChain made 18,054 blocks (4.79 s apart).
    expect(expectedBlocks(small, lightchain)).toBeGreaterThan(0.8 * 18_054);
    expect(expectedBlocks(small, lightchain)).toBeLessThan(1.25 * 18_054);
    expect(expectedBlocks(small, pow)).toBe(144);
    expect(expectedBlocks(small, tangle)).toBe(0);
    expect(estimatedWork(small, lightchain)).toBeGreaterThan(estimatedWork(large, pow));
    expect(estimatedWork(small, pos)).toBeGreaterThan(estimatedWork(small, pow));
    const denser = parseScenario(`name: w\nduration: 24h\nfleet: {size: 1000}\nnetwork: {nodes: 200, degree: 16}\nledgers: [{kind: pos, blockInterval: 5s}]\n`, 'w.yaml').scenario;
    expect(estimatedWork(denser, denser.ledgers[0])).toBeGreaterThan(estimatedWork(small, pos));
    // The flooding stays with the ledger on the run's thread: a small LightChain day is not split over idle threads.
    expect(autoSplitThreads(small, lightchain, 16, 0)).toBe(1);
    expect(autoSplitThreads(at(100_000), lightchain, 16, 0)).toBe(16);
  });

  it('finishes the largest runs first on one worker, and writes runs.csv in run-list order', async () => {
    const finished: string[] = [];
    const out = tempDir();
    const loaded = parseScenario(SWEEP, 'order.yaml');
    await runScenario(loaded, { outDir: out, workers: 1, onProgress: (p) => p.last && finished.at(-1) !== p.last.runId && finished.push(p.last.runId) });
    // By estimate: the larger fleet first; at 30 EVs the chain's 24 blocks flooded over 10 nodes outweigh the tangle's few transactions.
    const work = (point: number, ledger: number) => estimatedWork(loaded.points[point].scenario, loaded.points[point].scenario.ledgers[ledger]);
    expect(work(1, 1)).toBeGreaterThan(work(1, 0));
    expect(work(1, 0)).toBeGreaterThan(work(0, 0));
    expect(work(0, 0)).toBeGreaterThan(work(0, 1));
    expect(finished).toEqual(['p1-tangle-r0', 'p1-pow-r0', 'p0-pow-r0', 'p0-tangle-r0']);
    const ids = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(['p0-pow-r0', 'p0-tangle-r0', 'p1-pow-r0', 'p1-tangle-r0']);
  });
});
