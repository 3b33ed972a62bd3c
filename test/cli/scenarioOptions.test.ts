// Command-line scenario options: --seed/--replications parsed as whole numbers and blamed on the option,
// --workers capped at the number of runs with a warning above 4 per core.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveWorkers, scenarioOverrides } from '../../src/cli/scenarioOptions.js';
import { ScenarioError } from '../../src/scenario/problems.js';

const args = { set: [], workers: 1, force: false };

describe('scenario options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--seed and --replications must be whole numbers, blamed on the option', () => {
    expect(scenarioOverrides({ ...args, seed: '42', replications: '3' })).toMatchObject({ seed: 42, replications: 3 });
    expect(() => scenarioOverrides({ ...args, seed: 'abc' })).toThrow(new ScenarioError([{ file: '--seed', path: '', message: 'expected a whole number, got "abc"' }]));
    expect(() => scenarioOverrides({ ...args, replications: '2.5' })).toThrow(/^--replications: expected a whole number, got "2.5"$/);
    expect(() => scenarioOverrides({ ...args, seed: '' })).toThrow(/--seed/);
  });

  it('--workers is capped at the number of runs, or at the cores where there are fewer runs', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(resolveWorkers(1000, 3, 2)).toBe(3);
    expect(resolveWorkers(2, 3, 2)).toBe(2);
    expect(resolveWorkers(8, 1, 4)).toBe(4);
    expect(resolveWorkers(8, 0, 2)).toBe(1);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('warns above 4 workers per core', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(resolveWorkers(9, 100, 2)).toBe(9);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('warning: --workers 9 is more than 4 per core (2 cores)'));
  });

  it.each([0, -2, 1.5, Number.NaN])('--workers %s is a usage error', (workers) => {
    expect(() => resolveWorkers(workers, 10, 2)).toThrow(/^--workers: expected a whole number >= 1/);
  });
});
