// Two copies of a one-thread run at once (the split-run workload's measure of what the machine allows).

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { simulateRun } from '../../src/runner/simulateRun.js';
import { timeParallelCopies } from '../../src/bench/parallelCopies.js';

describe('timeParallelCopies', () => {
  const loaded = parseScenario('name: copies\nseed: 5\nduration: 2h\nfleet: {size: 300}\ngrid: {agents: 2}\nledgers: [{kind: lightchain}]\n', 'copies.yaml');
  const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
  const scenario = loaded.points[0].scenario;
  const events = simulateRun(scenario, run, undefined, 1).metrics.events ?? 0;

  it('times copies of the run on worker threads, each running the same run as this thread', async () => {
    expect(events).toBeGreaterThan(0);
    const seconds = await timeParallelCopies(scenario, run, 2, events);
    expect(seconds).toBeGreaterThan(0);
    expect(Number.isFinite(seconds)).toBe(true);
  }, 60_000);

  it('fails when a copy counts other events than the run', async () => {
    await expect(timeParallelCopies(scenario, run, 2, events + 1)).rejects.toThrow(`counted ${events} events, not ${events + 1}`);
  }, 60_000);
});
