// Scenario files: defaults, units, --set, and one clear message per problem (file, key path, line).

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import { ScenarioError, type Problem } from '../../src/scenario/problems.js';
import { bundledScenarios } from '../../src/scenario/bundled.js';

function problems(text: string, options = {}): Problem[] {
  try {
    parseScenario(text, 'bad.yaml', options);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario defaults and units', () => {
  it('accepts an empty scenario with a name and fills every default', () => {
    const { scenario, points } = parseScenario('name: tiny\n', 'tiny.yaml');
    expect(scenario.duration).toBe(3600);
    expect(scenario.market.interval).toBe(900);
    expect(scenario.workload.kind).toBe('market');
    expect(scenario.workload.txSize).toBe(250);
    expect(scenario.ledgers).toHaveLength(1);
    expect(scenario.network.latency).toEqual({ dist: 'constant', value: 0.1 });
    expect(points).toHaveLength(1);
  });

  it('reads durations with units and plain values as constant distributions', () => {
    const { scenario } = parseScenario(
      'name: u\nduration: 24h\nwarmup: 90s\nnetwork: {latency: 250ms}\nledgers: [{kind: pow, blockInterval: 10m}, {kind: tangle, delay: {dist: exponential, mean: 2s}}]\n',
      'u.yaml',
    );
    expect(scenario.duration).toBe(86400);
    expect(scenario.warmup).toBe(90);
    expect(scenario.network.latency).toEqual({ dist: 'constant', value: 0.25 });
    expect(scenario.ledgers[0]).toMatchObject({ kind: 'pow', blockInterval: 600 });
    expect(scenario.ledgers[1]).toMatchObject({ kind: 'tangle', delay: { dist: 'exponential', mean: 2 } });
  });

  it('reads JSON too', () => {
    expect(parseScenario('{"name": "j", "workload": {"kind": "poisson", "rate": 5}}', 'j.json').scenario.workload).toMatchObject({ kind: 'poisson', rate: 5 });
  });

  it('applies --set overrides by key path, parsed as YAML', () => {
    const { scenario } = parseScenario('name: s\nledgers: [{kind: tangle}]\n', 's.yaml', { set: ['ledgers[0].alpha=0.5', 'duration=2h', 'workload={kind: poisson, rate: 3}'] });
    expect(scenario.ledgers[0]).toMatchObject({ alpha: 0.5 });
    expect(scenario.duration).toBe(7200);
    expect(scenario.workload).toMatchObject({ kind: 'poisson', rate: 3 });
  });
});

describe('bundled scenarios', () => {
  it.each(bundledScenarios().map((s) => [s.path]))('%s is valid', (path) => {
    expect(loadScenario(path).points.length).toBeGreaterThan(0);
  });
});

describe('scenario problems', () => {
  it('names an unknown key with its line and a suggestion', () => {
    const [p] = problems('name: x\nduraton: 1h\n');
    expect(p).toMatchObject({ file: 'bad.yaml', path: 'duraton', line: 2 });
    expect(p.message).toContain('did you mean "duration"');
  });

  it('suggests keys of the right ledger kind', () => {
    const [p] = problems('name: x\nledgers:\n  - kind: pow\n    blockIntervall: 10m\n');
    expect(p).toMatchObject({ path: 'ledgers[0].blockIntervall', line: 4 });
    expect(p.message).toContain('did you mean "blockInterval"');
  });

  it('reports a wrong type with what was expected and what was found', () => {
    const [p] = problems('name: x\nfleet:\n  size: lots\n');
    expect(p).toMatchObject({ path: 'fleet.size', line: 3 });
    expect(p.message).toMatch(/expected number.*got "lots"/);
  });

  it('rejects a negative duration', () => {
    const [p] = problems('name: x\nledgers: [{kind: pow, blockInterval: -5}]\n');
    expect(p).toMatchObject({ path: 'ledgers[0].blockInterval', line: 2 });
    expect(p.message).toContain('non-negative');
  });

  it('rejects an empty ledgers list', () => {
    const [p] = problems('name: x\nledgers: []\n');
    expect(p).toMatchObject({ path: 'ledgers', line: 2 });
    expect(p.message).toContain('at least one ledger');
  });

  it('rejects duplicate ledger labels', () => {
    const [p] = problems('name: x\nledgers:\n  - {kind: pow}\n  - {kind: pow}\n');
    expect(p).toMatchObject({ path: 'ledgers[1].label', line: 4 });
    expect(p.message).toContain('duplicate ledger label "pow"');
  });

  it('rejects more miners than network nodes, and shares that do not match the miners', () => {
    const ps = problems('name: x\nnetwork: {nodes: 10}\nledgers:\n  - {kind: pow, miners: 20}\n  - {kind: pow, label: b, miners: 3, hashShares: [1, 2]}\n  - {kind: lightchain, weights: [1, 1]}\n');
    expect(ps.map((p) => `${p.path}@${p.line}`)).toEqual(['ledgers[0].miners@4', 'ledgers[1].hashShares@5', 'ledgers[2].weights@6']);
    expect(ps[0].message).toContain('at most network.nodes (10)');
    expect(ps[2].message).toContain('one share per producer (10)');
  });

  it('rejects a ledger that names an undeclared device, and dedicated miners (the grid agents) beyond the nodes', () => {
    const ps = problems('name: x\ngrid: {agents: 12}\nnetwork: {nodes: 10}\ndevices: {gpu: {hashRate: 1e9}}\nledgers:\n  - {kind: pow, minerDevice: fpga}\n  - {kind: tangle, issuerDevice: gpu, attackerDevice: tpu}\n');
    expect(ps.map((p) => `${p.path}@${p.line}`)).toEqual(['ledgers[0].miners@6', 'ledgers[0].minerDevice@6', 'ledgers[1].attackerDevice@7']);
    expect(ps[0].message).toContain('at most network.nodes (10) miners, got 12');
    expect(ps[1].message).toContain('declared under devices (ev, agent, asic, gpu), got "fpga"');
  });

  it('rejects a sweep over a key that does not exist', () => {
    const [p] = problems('name: x\nsweep:\n  params:\n    workload.rat: [1, 2]\n');
    expect(p).toMatchObject({ path: 'sweep.params["workload.rat"]', line: 4 });
    expect(p.message).toContain('not a scenario key');
  });

  it('rejects a bad value inside a sweep, naming the value', () => {
    const [p] = problems('name: x\nworkload: {kind: poisson}\nsweep:\n  params:\n    workload.rate: [1, -2]\n');
    expect(p.path).toBe('sweep.params["workload.rate"][1]');
    expect(p.line).toBe(5);
  });

  it('reports malformed YAML with its line', () => {
    const [p] = problems('name: x\nfleet: {size: 3\nmarket: {}\n');
    expect(p.message).toContain('malformed YAML');
    expect(p.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an unknown distribution and an unknown ledger kind', () => {
    const ps = problems('name: x\nnetwork: {latency: {dist: gaussian, mean: 1}}\nledgers: [{kind: hashgraph}]\n');
    expect(ps.map((p) => p.path)).toEqual(expect.arrayContaining(['network.latency.dist', 'ledgers[0].kind']));
  });

  it('reports every problem at once', () => {
    expect(problems('name: x\nduraton: 1h\nfleet: {size: -1}\nledgers: []\n')).toHaveLength(3);
  });

  it('reports a --set path that is not a scenario key', () => {
    const [p] = problems('name: x\n', { set: ['fleet.sizes=3'] });
    expect(p.file).toBe('--set fleet.sizes=3');
  });

  it('reports a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv2g-'));
    expect(() => loadScenario(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: file not found/);
    writeFileSync(join(dir, 'ok.yaml'), 'name: ok\n');
    expect(loadScenario(join(dir, 'ok.yaml')).scenario.name).toBe('ok');
  });
});
