// summarize: mean, sample standard deviation and the Student-t 95% interval against values worked out
// by hand (t quantiles from a printed table), and how missing values and tiny groups are handled.

import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/metrics/aggregate.js';

/** t_{0.975} with 4 and 7 degrees of freedom, from a Student-t table. */
const T_975_DF4 = 2.776445;
const T_975_DF7 = 2.364624;

describe('summarize', () => {
  it('gives the Student-t interval of 1..5 worked out by hand', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    const sd = Math.sqrt(10 / 4); // squared deviations 4 + 1 + 0 + 1 + 4 over n - 1
    const half = (T_975_DF4 * sd) / Math.sqrt(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.ci95Low).toBeCloseTo(3 - half, 5);
    expect(s.ci95High).toBeCloseTo(3 + half, 5);
    expect(s.ci95Low).toBeCloseTo(1.037, 3);
  });

  it('ignores missing and non-finite values', () => {
    const s = summarize([2, null, 4, 4, 4, Number.NaN, 5, 5, 7, 9, Number.POSITIVE_INFINITY]);
    const half = (T_975_DF7 * Math.sqrt(32 / 7)) / Math.sqrt(8); // mean 5, squared deviations sum to 32
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.ci95High! - s.ci95Low!).toBeCloseTo(2 * half, 5);
  });

  it('has a mean but no spread for one value, and nothing for none', () => {
    expect(summarize([3.5])).toEqual({ mean: 3.5, sd: null, ci95Low: null, ci95High: null });
    expect(summarize([null, null])).toEqual({ mean: null, sd: null, ci95Low: null, ci95High: null });
  });
});
