// Resource limits: the schema's upper bounds, the run-list bound checked before a sweep is expanded,
// and the memory estimate that refuses (unless forced) what cannot fit on the machine.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { ScenarioError, type Problem } from '../../src/scenario/problems.js';
import { count } from '../../src/scenario/limits.js';
import { BYTES, checkResources, estimateResources, expectedTransactions, runBytes } from '../../src/scenario/estimate.js';

function problems(text: string): Problem[] {
  try {
    parseScenario(text, 'big.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

const GB = 2 ** 30;

describe('upper bounds in the schema', () => {
  it.each([
    ['fleet: {size: 100000000}', 'fleet.size', 'at most 10,000,000 EVs'],
    ['duration: 1e12', 'duration', 'at most 366 days'],
    ['outputs: {timeseriesInterval: 1e-9}', 'outputs.timeseriesInterval', 'at least 1 s'],
    ['duration: 300d\noutputs: {timeseriesInterval: 1s}', 'outputs.timeseriesInterval', 'at most 1,000,000 buckets per run'],
    ['duration: 300d\nmarket: {interval: 1s}', 'market.interval', 'at most 1,000,000 negotiation intervals'],
    ['replications: 1000000', 'replications', 'at most 10,000 replications'],
    ['network: {nodes: 1e9}', 'network.nodes', 'at most 1,000,000 nodes'],
  ])('%s: one message at %s', (yaml, path, expected) => {
    const found = problems(`name: big\n${yaml}\n`);
    expect(found).toEqual([expect.objectContaining({ path, message: expect.stringContaining(expected) })]);
  });

  it('a sweep of a million points is refused before it is expanded', () => {
    const values = `[${Array.from({ length: 1000 }, (_, i) => i + 1).join(', ')}]`;
    const found = problems(`name: big\nworkload: {kind: poisson}\nsweep: {params: {workload.rate: ${values}, fleet.size: ${values}}}\n`);
    expect(found).toEqual([expect.objectContaining({ path: 'sweep.params', line: 3, message: expect.stringContaining('1,000,000 runs') })]);
  });

  it('replications x ledgers beyond the run bound are refused without a sweep', () => {
    const found = problems('name: big\nreplications: 10000\nledgers: [{kind: tangle}, {kind: pow}, {kind: lightchain}, {kind: tangle, label: b}, {kind: pow, label: c}, {kind: lightchain, label: d}, {kind: tangle, label: e}, {kind: pow, label: f}, {kind: lightchain, label: g}, {kind: tangle, label: h}, {kind: pow, label: i}]\n');
    expect(found).toEqual([expect.objectContaining({ path: 'replications', message: expect.stringContaining('110,000 runs') })]);
  });
});

describe('count', () => {
  it('groups thousands as toLocaleString("en") does', () => {
    const values = [0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -10_000_000, 123_456_789, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2.5, 1e21, Infinity];
    for (let d = 1, n = 3; d <= 16; d++, n = n * 10 + ((d * 7) % 10)) values.push(n, -n);
    for (const n of values) expect(count(n), String(n)).toBe(n.toLocaleString('en'));
  });
});

describe('memory estimate', () => {
  const load = (yaml: string) => parseScenario(`name: est\n${yaml}\n`, 'est.yaml');

  it('expects EVs x settlements (market) or rate x duration (poisson) transactions', () => {
    expect(expectedTransactions(load('workload: {kind: poisson, rate: 50}\nduration: 2h').scenario)).toBe(50 * 7200);
    const day = expectedTransactions(load('fleet: {size: 1000}\nduration: 24h').scenario);
    expect(day).toBeGreaterThan(10_000);
    expect(day).toBeLessThan(20_000);
    expect(expectedTransactions(load('fleet: {size: 1000}\nduration: 24h\nmarket: {settlement: {period: 1h}}').scenario)).toBeCloseTo(day / 4);
  });

  it('grows with the fleet, the transactions and the buckets, and is heavier on the tangle', () => {
    const small = load('fleet: {size: 1000}\nduration: 24h').scenario;
    const large = load('fleet: {size: 100000}\nduration: 24h').scenario;
    const ledger = small.ledgers[0];
    expect(runBytes(large, ledger) - runBytes(small, ledger)).toBeGreaterThan(99_000 * (BYTES.ev.uncontrolled + 10 * BYTES.tx.tangle));
    const fine = load('fleet: {size: 1000}\nduration: 24h\noutputs: {timeseriesInterval: 1s}').scenario;
    expect(runBytes(fine, ledger) - runBytes(small, ledger)).toBeCloseTo((86_400 - 96) * BYTES.bucket);
    const chains = load('fleet: {size: 100000}\nduration: 24h\nledgers: [{kind: tangle}, {kind: lightchain}]').scenario;
    expect(runBytes(chains, chains.ledgers[0])).toBeGreaterThan(runBytes(chains, chains.ledgers[1]));
  });

  it("charges valley filling's plan, which keeps every session-interval, more per EV than uncontrolled charging", () => {
    const [uncontrolled, valley] = ['uncontrolled', 'valley-filling'].map((policy) => load(`fleet: {size: 100000}\nduration: 24h\ncharging: {policy: ${policy}}`).scenario);
    expect(runBytes(valley, valley.ledgers[0]) - runBytes(uncontrolled, uncontrolled.ledgers[0])).toBe(100_000 * (BYTES.ev['valley-filling'] - BYTES.ev.uncontrolled));
    expect(BYTES.ev['valley-filling']).toBeGreaterThan(BYTES.ev.uncontrolled);
  });

  it('counts the fleet again for each further thread of a split run, and splits a single large run over the workers', () => {
    const loaded = load('fleet: {size: 200000}\nduration: 24h\ngrid: {agents: 8}');
    const { scenario } = loaded;
    const ledger = scenario.ledgers[0];
    expect(runBytes(scenario, ledger, 3) - runBytes(scenario, ledger)).toBe(2 * (BYTES.worker + 200_000 * BYTES.evPerExtraThread));
    expect(estimateResources(loaded, 4, 64 * GB).runBytes).toBe(runBytes(scenario, ledger, 4));
    expect(estimateResources(loaded, 1, 64 * GB).runBytes).toBe(runBytes(scenario, ledger, 1));
    expect(estimateResources(loaded, 1, 64 * GB, 3).runBytes).toBe(runBytes(scenario, ledger, 3));
  });

  it('counts the largest runs that are in memory at once, at most one per worker and run', () => {
    const loaded = load('replications: 3\nledgers: [{kind: tangle}, {kind: pow}]\nsweep: {params: {fleet.size: [1000, 50000]}}');
    const one = estimateResources(loaded, 1, 64 * GB);
    const four = estimateResources(loaded, 4, 64 * GB);
    const many = estimateResources(loaded, 1000, 64 * GB);
    expect(one.runs).toBe(12);
    expect(four.concurrent).toBe(4);
    expect(many.concurrent).toBe(12);
    const [tangle, pow] = loaded.scenario.ledgers.map((l) => runBytes(loaded.points[1].scenario, l));
    expect(one.runBytes).toBe(Math.max(tangle, pow));
    expect(four.runsBytes - one.runsBytes).toBeCloseTo(2 * Math.max(tangle, pow) + Math.min(tangle, pow), -1);
    expect(many.runsBytes).toBeGreaterThan(four.runsBytes);
    expect(many.peakBytes).toBe(Math.max(many.runsBytes, many.resultsBytes));
  });

  it('counts the result files and the report after the runs: a sweep of many small runs is bound by them', () => {
    const loaded = load('replications: 200\nfleet: {size: 10000}\nduration: 24h');
    const withReport = estimateResources(loaded, 4, 64 * GB);
    const without = estimateResources(loaded, 4, 64 * GB, undefined, false);
    const rows = 200 * 10_000;
    // The runs' phase does not depend on the report; the results' holds DuckDB's share of the rows and the report's.
    expect(without.runsBytes).toBe(withReport.runsBytes);
    expect(without.resultsBytes).toBe(BYTES.main + rows * BYTES.resultRow);
    expect(withReport.resultsBytes).toBe(without.resultsBytes + BYTES.report + rows * BYTES.reportRow);
    expect(withReport.resultsBytes).toBeGreaterThan(withReport.runsBytes);
    expect(withReport.peakBytes).toBe(withReport.resultsBytes);
    // The report follows the scenario's outputs.report unless told.
    expect(estimateResources(load('replications: 200\nfleet: {size: 10000}\nduration: 24h\noutputs: {report: false}'), 4, 64 * GB).resultsBytes).toBe(without.resultsBytes);
    // DuckDB works under its memory limit, however many rows; transactions.csv's rows count as well.
    const huge = load('replications: 2000\nfleet: {size: 10000}\nduration: 24h\noutputs: {transactions: true}');
    expect(estimateResources(huge, 4, 64 * GB, undefined, false).resultsBytes).toBe(BYTES.main + BYTES.database);
    // What does not fit because of them names --no-report, not fewer workers.
    const tight = estimateResources(loaded, 4, withReport.resultsBytes);
    expect(tight.fits).toBe(false);
    expect(() => checkResources('est.yaml', tight, false)).toThrow(/use --no-report, a smaller scenario, or --force/);
    const tightWithout = estimateResources(loaded, 4, without.resultsBytes, undefined, false);
    expect(() => checkResources('est.yaml', tightWithout, false)).toThrow(/usable\); use a smaller scenario, or --force/);
  });

  it('refuses what does not fit in the machine, unless forced', () => {
    const loaded = load('fleet: {size: 1000000}\nduration: 24h\nledgers: [{kind: tangle}, {kind: pow}, {kind: lightchain}]');
    const small = estimateResources(loaded, 3, 2 * GB);
    expect(small.fits).toBe(false);
    expect(() => checkResources('est.yaml', small, false)).toThrow(/would not fit in memory: 3 runs; estimated peak memory .* per run, .* with 3 worker\(s\) at once, .* while the result files are written; this machine has 2\.0 GB \(at most 80% usable\); use fewer --workers, /);
    expect(() => checkResources('est.yaml', small, true)).not.toThrow();
    const large = estimateResources(loaded, 3, 256 * GB);
    expect(large.fits).toBe(true);
    expect(() => checkResources('est.yaml', large, false)).not.toThrow();
  });
});
