// Sweeps in SI units and sweep keys that name one ledger (`ledgers[tangle].alpha`): the other
// ledgers run once per remaining point, and the key never changes a seed.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { buildRunList, runSeed } from '../../src/scenario/runList.js';
import { ScenarioError } from '../../src/scenario/problems.js';

/** commonRandomNumbers: false, so that seeds depend on the swept values and the test can see which do. */
const STUDY = `name: study
commonRandomNumbers: false
ledgers: [{kind: tangle, tipSelection: mcmc}, {kind: lightchain}]
sweep:
  params:
    network.latency: [50ms, 2s]
    ledgers[tangle].alpha: [0, 0.1, 1]
`;

describe('ledger-scoped sweep keys', () => {
  const loaded = parseScenario(STUDY, 'study.yaml');
  const runs = buildRunList(loaded.points, loaded.scenario.seed, 2);

  it('varies only the named ledger and runs the others once per remaining point', () => {
    expect(loaded.points).toHaveLength(6);
    expect(loaded.points.map((p) => p.scenario.ledgers[0].kind === 'tangle' && p.scenario.ledgers[0].alpha)).toEqual([0, 0.1, 1, 0, 0.1, 1]);
    const tangle = runs.filter((r) => r.ledger === 'tangle');
    const lightchain = runs.filter((r) => r.ledger === 'lightchain');
    expect(tangle).toHaveLength(6 * 2);
    expect(lightchain).toHaveLength(2 * 2);
    expect(lightchain.map((r) => r.covers)).toEqual([[0, 1, 2], [0, 1, 2], [3, 4, 5], [3, 4, 5]]);
    expect(lightchain[0].values).toEqual({ 'network.latency': 0.05 });
    expect(tangle.find((r) => r.point === 5)?.values).toEqual({ 'network.latency': 2, 'ledgers[tangle].alpha': 1 });
  });

  it('keeps seeds independent of the ledger-scoped key', () => {
    for (const r of runs) expect(r.seed).toBe(runSeed(loaded.scenario.seed, { 'network.latency': loaded.points[r.point].values['network.latency'] }, r.replication));
    const seedsAt = (point: number) => runs.filter((r) => r.point === point && r.ledger === 'tangle').map((r) => r.seed);
    expect(seedsAt(1)).toEqual(seedsAt(0));
    expect(seedsAt(3)).not.toEqual(seedsAt(0));
  });

  it('with common random numbers (the default), gives every point of a replication one seed', () => {
    const shared = parseScenario(STUDY.replace('commonRandomNumbers: false', 'commonRandomNumbers: true'), 'study.yaml');
    const sharedRuns = buildRunList(shared.points, shared.scenario.seed, 2);
    for (const r of sharedRuns) expect(r.seed).toBe(runSeed(shared.scenario.seed, {}, r.replication));
  });

  it('leaves seeds of sweeps without ledger-scoped keys as they were (without common random numbers)', () => {
    const plain = parseScenario('name: p\ncommonRandomNumbers: false\nsweep: {params: {"network.degree": [4, 6]}}\n', 'p.yaml');
    const plainRuns = buildRunList(plain.points, 3, 1);
    expect(plainRuns.map((r) => r.seed)).toEqual([runSeed(3, { "network.degree": 4 }, 0), runSeed(3, { "network.degree": 6 }, 0)]);
  });

  it('names the labels when a key names a ledger that does not exist', () => {
    try {
      parseScenario(STUDY.replace('ledgers[tangle]', 'ledgers[tangel]'), 'study.yaml');
      throw new Error('expected a ScenarioError');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const [problem] = (error as ScenarioError).problems;
      expect(problem.path).toBe('sweep.params["ledgers[tangel].alpha"]');
      expect(problem.message).toContain('"tangle", "lightchain"');
    }
  });
});

describe('swept values in SI units', () => {
  it('turns durations into seconds and keeps other values as written', () => {
    const loaded = parseScenario('name: u\nsweep: {params: {duration: [90m, 2h], "network.degree": [4, 6]}, grid: zip}\n', 'u.yaml');
    expect(loaded.points.map((p) => p.siValues)).toEqual([{ duration: 5400, "network.degree": 4 }, { duration: 7200, "network.degree": 6 }]);
  });
});
