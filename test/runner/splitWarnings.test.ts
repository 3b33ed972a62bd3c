// --split that cannot take effect as asked is named before the runs: a Poisson run is never split, and a
// market run has at most one partition per grid agent (on the tangle one thread fewer is asked for).

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { splitWarnings } from '../../src/runner/split/layout.js';

const scenario = (body: string) => parseScenario(`name: s\nfleet: {size: 50}\n${body}`, 's.yaml');

describe('splitWarnings', () => {
  it('says nothing where every run takes the partitions asked for, or for --split 1', () => {
    const loaded = scenario('grid: {agents: 4}\nledgers: [{kind: pow}]\n');
    expect(splitWarnings(loaded, 4)).toEqual([]);
    expect(splitWarnings(loaded, 1)).toEqual([]);
    expect(splitWarnings(scenario('workload: {kind: poisson}\n'), 1)).toEqual([]);
  });

  it('names a market run with fewer grid agents than partitions', () => {
    expect(splitWarnings(scenario('grid: {agents: 1}\nledgers: [{kind: pow}]\n'), 4)).toEqual([
      '--split 4: s.yaml has grid.agents 1, and a run has at most one partition per grid agent, so its runs are not split',
    ]);
    expect(splitWarnings(scenario('grid: {agents: 3}\nledgers: [{kind: lightchain}]\n'), 8)).toEqual([
      '--split 8: s.yaml has grid.agents 3, and a run has at most one partition per grid agent, so its runs are split into 3 partitions',
    ]);
  });

  it('asks one partition fewer of a tangle run, whose ledger keeps a thread', () => {
    expect(splitWarnings(scenario('grid: {agents: 3}\nledgers: [{kind: tangle}]\n'), 4)).toEqual([]);
    expect(splitWarnings(scenario('grid: {agents: 3}\nledgers: [{kind: tangle}]\n'), 5)).toHaveLength(1);
    expect(splitWarnings(scenario('grid: {agents: 3}\nledgers: [{kind: tangle}, {kind: pow}]\n'), 4)).toHaveLength(1);
  });

  it('names a Poisson workload, which is never split, and the sweep points concerned', () => {
    expect(splitWarnings(scenario('workload: {kind: poisson}\n'), 2)).toEqual([
      '--split 2 has no effect on the runs of s.yaml: only market runs are split (workload.kind is poisson)',
    ]);
    // The default ledger, the tangle: 2 partitions on 3 threads.
    expect(splitWarnings(scenario('sweep: {params: {grid.agents: [1, 8]}}\n'), 3)).toEqual([
      '--split 3: s.yaml has grid.agents 1, and a run has at most one partition per grid agent, so its runs are not split (at sweep point 0: grid.agents=1)',
    ]);
    expect(splitWarnings(scenario('sweep: {params: {grid.agents: [1, 8, 1]}}\n'), 3)).toEqual([
      '--split 3: s.yaml has grid.agents 1, and a run has at most one partition per grid agent, so its runs are not split (at sweep points 0, 2)',
    ]);
    // One line for a sweep whose every point falls short the same way.
    expect(splitWarnings(scenario('grid: {agents: 2}\nsweep: {params: {fleet.size: [10, 20, 30]}}\n'), 8)).toEqual([
      '--split 8: s.yaml has grid.agents 2, and a run has at most one partition per grid agent, so its runs are split into 2 partitions',
    ]);
  });
});
