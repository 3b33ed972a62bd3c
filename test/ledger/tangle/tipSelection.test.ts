// Tip selection against theory: urts tips near 2 lambda h (Popov), and a strongly biased walk leaving
// many transactions behind.

import { describe, expect, it } from 'vitest';
import { INSTANT_POW, runTangle } from './harness.js';

describe('tangle tip selection', () => {
  // Popov ("The Tangle", sec. 3): with urts, k = 2, rate lambda and delay h, the tip count settles near
  // L0 = 2 lambda h once lambda h is large. The formula is a large-lambda-h approximation (corrections of
  // order one tip, a few percent at lambda h = 20), and the time average over 500 s with a correlation
  // time of about h has a standard error well under 1 tip; 10% covers both and still fails for lambda h
  // (half the value) or 3 lambda h.
  it.each([
    [20, 1],
    [10, 3],
  ])('urts at lambda = %d/s, h = %d s keeps about 2 lambda h tips', (rate, h) => {
    const { report } = runTangle({ tipSelection: 'urts', delay: h, pow: INSTANT_POW }, { rate, duration: 600, warmup: 100 });
    const expected = 2 * rate * h;
    expect(report.tipsMean).not.toBeNull();
    expect(Math.abs(report.tipsMean! / expected - 1)).toBeLessThan(0.1);
  });

  it('a strongly biased mcmc walk ends on few tips and leaves more transactions behind than alpha = 0', () => {
    const options = { rate: 20, duration: 300, warmup: 50 };
    const unbiased = runTangle({ tipSelection: 'mcmc', alpha: 0, delay: 1, pow: INSTANT_POW }, options).report;
    const biased = runTangle({ tipSelection: 'mcmc', alpha: 1, delay: 1, pow: INSTANT_POW }, options).report;
    expect(biased.extra!.orphan_tx!).toBeGreaterThan(3 * unbiased.extra!.orphan_tx!);
    expect(biased.tipsMean!).toBeGreaterThan(2 * unbiased.tipsMean!);
  });
});
