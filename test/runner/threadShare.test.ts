// How --workers shares threads among runs: spread first, then a large market run split over the idle ones.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { threadShare } from '../../src/runner/threadShare.js';
import type { RunTask } from '../../src/runner/executeRun.js';

function task(yaml: string, split?: number): RunTask {
  const loaded = parseScenario(yaml, 'share.yaml');
  const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
  return { scenario: loaded.points[0].scenario, run, outDir: '/nowhere', identity: { scenarioSha256: '', dv2gVersion: '' }, split };
}

const large = task('name: large\nduration: 1d\nfleet: {size: 50000}\ngrid: {agents: 6}\nledgers: [{kind: pow}]\n');
const small = task('name: small\nduration: 1d\nfleet: {size: 1000}\ngrid: {agents: 6}\nledgers: [{kind: pow}]\n');
const poisson = task('name: poisson\nduration: 1d\nworkload: {kind: poisson, rate: 1000}\nledgers: [{kind: pow}]\n');

describe('threadShare', () => {
  it('gives a large market run an equal share of the idle threads with the runs still waiting', () => {
    expect(threadShare(large, 16, 0)).toBe(6); // at most one thread per grid agent
    expect(threadShare(large, 4, 0)).toBe(4);
    expect(threadShare(large, 4, 1)).toBe(2);
    expect(threadShare(large, 4, 3)).toBe(1);
    expect(threadShare(large, 4, 10)).toBe(1);
  });

  it('leaves small market runs and poisson runs on one thread', () => {
    expect(threadShare(small, 16, 0)).toBe(1);
    expect(threadShare(small, 16, 0, 0)).toBe(6);
    expect(threadShare(poisson, 16, 0, 0)).toBe(1);
  });

  it('keeps an explicit --split', () => {
    expect(threadShare({ ...small, split: 3 }, 1, 5)).toBe(3);
  });

  it('splits a 20,000-EV day but not a 10,000-EV day', () => {
    const day = (evs: number) => task(`name: day\nduration: 1d\nfleet: {size: ${evs}}\ngrid: {agents: 8}\nledgers: [{kind: lightchain}]\n`);
    expect(threadShare(day(20_000), 2, 0)).toBe(2);
    expect(threadShare(day(10_000), 2, 0)).toBe(1);
  });
});
