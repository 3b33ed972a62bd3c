// One market run split over threads (docs/parallel.md): the CSVs (evs.csv and charging's columns and
// protocol messages included) are byte-identical for 1, 2, 3 and 4 threads, in-process and in worker
// threads, and for every ledger kind on 1 and 2, transactions.csv naming each issuer by its EV id; a poisson
// run ignores the option.

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { simulateSplitRun } from '../../src/runner/split/splitRun.js';
import { partitionLayout } from '../../src/runner/split/layout.js';
import { LEDGER_KINDS } from '../../src/ledger/kinds.js';
import { csvSnapshot, tempDir, TINY_SCENARIO } from './helpers.js';

const SPLIT_SCENARIO = `
name: split
seed: 17
duration: 6h
warmup: 30m
fleet: {size: 300}
grid: {agents: 4}
charging: {policy: valley-filling, settleMessages: true, roundTime: 5}
network: {nodes: 20, degree: 4}
ledgers:
  - {kind: tangle, tipSelection: urts, confirmationWeight: 5}
  - {kind: pow, blockInterval: 2m, miners: 4}
outputs: {transactions: true, blocks: true, timeseriesInterval: 20m}
`;

/** Every ledger kind on the market, PoW three ways: with its default fees, without, and on the public network. */
const EVERY_KIND_SCENARIO = `
name: every-kind
seed: 23
duration: 4h
warmup: 30m
fleet: {size: 200}
grid: {agents: 3}
network: {nodes: 20, degree: 4}
ledgers:
  - {kind: tangle, tipSelection: mcmc, alpha: 0.01}
  - {kind: pow, blockInterval: 10m}
  - {kind: pow, label: pow-feeless, blockInterval: 10m, feeRate: 0}
  - {kind: pow, label: pow-bitcoin-public, preset: bitcoin-public}
  - {kind: lightchain}
  - {kind: pos}
  - {kind: poet}
  - {kind: pob}
outputs: {transactions: true, blocks: true}
`;

const loaded = parseScenario(SPLIT_SCENARIO, 'split.yaml');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runWith(split: number, workers = 1): Promise<Record<string, string | null>> {
  const outDir = tempDir();
  dirs.push(outDir);
  const summary = await runScenario(loaded, { outDir, workers, split });
  expect(summary.status).toBe('complete');
  const extra = ['market.csv', 'evs.csv'].map((file) => [file, existsSync(join(outDir, file)) ? readFileSync(join(outDir, file), 'utf8') : null]);
  return { ...csvSnapshot(outDir), ...Object.fromEntries(extra) };
}

describe('a market run split over threads', () => {
  let reference: Record<string, string | null>;

  it('writes its market rows, transactions, blocks and EV rows on one thread', async () => {
    reference = await runWith(1);
    for (const file of ['runs.csv', 'timeseries.csv', 'transactions.csv', 'blocks.csv', 'market.csv', 'evs.csv']) expect(reference[file]).toBeTruthy();
    expect(reference['market.csv']!.split('\n').length).toBeGreaterThan(2 * 4 * 24);
    // Header and one row per EV and run (two ledgers).
    expect(reference['evs.csv']!.trim().split('\n')).toHaveLength(1 + 2 * 300);
    const [header, ...rows] = reference['runs.csv']!.trim().split('\n').map((line) => line.split(','));
    const iterations = header.indexOf('charging_iterations');
    expect(rows.every((row) => Number(row[iterations]) > 0)).toBe(true);
  });

  it("names each transaction's issuer by its EV's id: a departed EV's transactions add up to its revenue", () => {
    const table = (text: string) => {
      const [header, ...rows] = text.trim().split('\n').map((line) => line.split(','));
      return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
    };
    const settled = new Map<string, number>();
    for (const tx of table(reference['transactions.csv']!)) settled.set(`${tx.ledger} ${tx.issuer}`, (settled.get(`${tx.ledger} ${tx.issuer}`) ?? 0) + Number(tx.value));
    const departed = table(reference['evs.csv']!).filter((ev) => ev.departure_s !== '' && Number(ev.departure_s) < 6 * 3600 && Number(ev.revenue) > 0);
    expect(departed.length).toBeGreaterThan(50);
    for (const ev of departed) expect(settled.get(`${ev.ledger} ${ev.ev_id}`)).toBeCloseTo(Number(ev.revenue), 9);
  });

  it.each([2, 3, 4])('gives the same bytes on %i threads', async (split) => {
    expect(await runWith(split)).toEqual(reference);
  });

  it('gives the same bytes split inside pool workers', async () => {
    expect(await runWith(2, 2)).toEqual(reference);
  });

  it('gives the same bytes when --workers splits the runs over idle threads on its own', async () => {
    const outDir = tempDir();
    dirs.push(outDir);
    // Two runs on three workers: the first (the tangle, longest) takes one thread, the second the other two.
    expect((await runScenario(loaded, { outDir, workers: 3, splitMinWork: 0 })).status).toBe('complete');
    const extra = ['market.csv', 'evs.csv'].map((file) => [file, readFileSync(join(outDir, file), 'utf8')]);
    expect({ ...csvSnapshot(outDir), ...Object.fromEntries(extra) }).toEqual(reference);
  });

  it('gives the same bytes on 2 threads for every ledger kind, PoW with fees and on the public network included', async () => {
    const everyKind = parseScenario(EVERY_KIND_SCENARIO, 'every-kind.yaml');
    expect(new Set(everyKind.scenario.ledgers.map((l) => l.kind))).toEqual(new Set(LEDGER_KINDS.map((k) => k.kind)));
    const [one, two] = [tempDir(), tempDir()];
    dirs.push(one, two);
    expect((await runScenario(everyKind, { outDir: one, workers: 1, split: 1 })).status).toBe('complete');
    expect((await runScenario(everyKind, { outDir: two, workers: 1, split: 2 })).status).toBe('complete');
    const snapshot = (dir: string) => ({ ...csvSnapshot(dir), ...Object.fromEntries(['market.csv', 'evs.csv'].map((file) => [file, readFileSync(join(dir, file), 'utf8')])) });
    const reference = snapshot(one);
    // Every ledger settled trades (the public PoW chain's fees make EVs batch, but they still sell).
    const [header, ...rows] = reference['runs.csv']!.trim().split('\n').map((line) => line.split(','));
    const submitted = header.indexOf('tx_submitted');
    expect(rows).toHaveLength(everyKind.scenario.ledgers.length);
    expect(rows.every((row) => Number(row[submitted]) > 0)).toBe(true);
    expect(snapshot(two)).toEqual(reference);
  });

  it('leaves a poisson run as it was', async () => {
    const tiny = parseScenario(TINY_SCENARIO, 'tiny.yaml');
    const [one, two] = [tempDir(), tempDir()];
    dirs.push(one, two);
    await runScenario(tiny, { outDir: one, workers: 1, split: 1 });
    await runScenario(tiny, { outDir: two, workers: 1, split: 3 });
    expect(csvSnapshot(two)).toEqual(csvSnapshot(one));
  });
});

describe('a split run\'s schedule and failures', () => {
  const scenario = parseScenario(SPLIT_SCENARIO.replace('fleet: {size: 300}', 'fleet: {size: 120}').replace('duration: 6h', 'duration: 2h'), 'split-small.yaml');
  const [run] = buildRunList(scenario.points, scenario.scenario.seed, 1);
  const point = scenario.points[0].scenario;
  const comparable = (outcome: ReturnType<typeof simulateSplitRun>) => ({ metrics: outcome.metrics, market: outcome.market, evs: outcome.evs, tx: Array.from(outcome.log.submittedAt.subarray(0, outcome.log.count)) });

  it('gives the same run with the partitions ahead of the ledger as in lock-step', () => {
    const ahead = simulateSplitRun(point, run, 3);
    const lockStep = simulateSplitRun(point, run, 3, undefined, { lockStep: true });
    expect(ahead.log.count).toBeGreaterThan(0);
    expect(comparable(ahead)).toEqual(comparable(lockStep));
  });

  it('gives the same run when the partitions hand their evs.csv rows over one at a time', () => {
    const powRun = buildRunList(scenario.points, scenario.scenario.seed, 1)[1];
    const together = simulateSplitRun(point, powRun, 4);
    const oneByOne = simulateSplitRun(point, powRun, 4, undefined, { evsAtOnce: 1 });
    expect(together.evs!.ids.length).toBe(120);
    expect(comparable(oneByOne)).toEqual(comparable(together));
    expect(comparable(simulateSplitRun(point, powRun, 4, undefined, { evsAtOnce: 1, lockStep: true }))).toEqual(comparable(together));
  });

  it("keeps one of a tangle run's threads for its ledger; other ledgers' partitions take every thread", () => {
    const tangle = scenario.points[0].scenario;
    const [tangleRun, powRun] = buildRunList(scenario.points, scenario.scenario.seed, 1);
    expect(tangle.ledgers[tangleRun.ledgerIndex].kind).toBe('tangle');
    expect(tangle.ledgers[powRun.ledgerIndex].kind).toBe('pow');
    expect(partitionLayout(tangle, tangleRun, 1)).toEqual({ count: 1, workerThreads: false });
    expect(partitionLayout(tangle, tangleRun, 2)).toEqual({ count: 1, workerThreads: true });
    expect(partitionLayout(tangle, tangleRun, 4)).toEqual({ count: 3, workerThreads: true });
    expect(partitionLayout(tangle, powRun, 2)).toEqual({ count: 2, workerThreads: true });
    // At most one partition per grid agent.
    expect(partitionLayout(tangle, powRun, 64)).toEqual({ count: tangle.grid.agents, workerThreads: true });
  });

  it.each(['throw', 'exit'])('ends with an error naming the partition when its thread fails (%s)', (how) => {
    process.env.DV2G_FAIL_PARTITION = `1:2:${how}`;
    try {
      // The tangle's run keeps one of its 3 threads for its ledger: 2 partitions.
      expect(() => simulateSplitRun(point, run, 3)).toThrow(how === 'throw' ? /partition 1 of 2 .* window 2: .*fault injected/s : /partition 1 of 2 .* window 2: its thread exited/s);
    } finally {
      delete process.env.DV2G_FAIL_PARTITION;
    }
  });
});
