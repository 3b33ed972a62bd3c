// Command-line scenario options: --seed/--replications parsed as whole numbers and blamed on the option,
// --workers a whole number >= 1 (as typed in its errors), capped at the number of runs with a warning
// above 4 per core; --split the same, uncapped.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestedSplit, requestedWorkers, resolveWorkers, scenarioOverrides, shareOption } from '../../src/cli/scenarioOptions.js';
import { ScenarioError } from '../../src/scenario/problems.js';

const args = { set: [], workers: '1', force: false };

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

  it('--split is a whole number >= 1, absent by default, with a warning above 4 per core', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(requestedSplit(undefined, 2)).toBeUndefined();
    expect(requestedSplit('8', 2)).toBe(8);
    expect(stderr).not.toHaveBeenCalled();
    expect(requestedSplit('16', 2)).toBe(16);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('warning: --split 16 is more than 4 per core (2 cores)'));
    expect(() => requestedSplit('0', 2)).toThrow(new ScenarioError([{ file: '--split', path: '', message: 'expected a whole number >= 1, got "0"' }]));
  });

  it('--workers is a whole number >= 1, by default one per core', () => {
    expect(requestedWorkers({ workers: '3' }, 2)).toBe(3);
    expect(requestedWorkers({ workers: undefined }, 6)).toBe(6);
  });

  it.each(['0', '-2', '1.5', 'abc', ''])('--workers %j is a usage error quoting what was typed', (workers) => {
    expect(() => requestedWorkers({ workers }, 2)).toThrow(new ScenarioError([{ file: '--workers', path: '', message: `expected a whole number >= 1, got ${JSON.stringify(workers)}` }]));
  });

  it('--workers given twice is a usage error', () => {
    expect(() => requestedWorkers({ workers: ['2', '3'] }, 2)).toThrow(/^--workers: given 2 times, expected once$/);
  });

  it('a share option is a number from 0 up to 1, quoted as typed when it is not', () => {
    expect(shareOption('--ratio-tolerance', undefined)).toBeUndefined();
    expect(shareOption('--ratio-tolerance', '0')).toBe(0);
    expect(shareOption('--ratio-tolerance', '0.3')).toBe(0.3);
    for (const text of ['1', '-0.1', 'NaN', 'x', ' ']) expect(() => shareOption('--ratio-tolerance', text)).toThrow(`--ratio-tolerance: expected a share from 0 up to 1 (e.g. 0.3), got ${JSON.stringify(text)}`);
    expect(() => shareOption('--ratio-tolerance', ['0.1', '0.2'])).toThrow(/given 2 times, expected once/);
  });
});
