// The distribution sampler: sample means near theory, bounds respected, empirical weights honoured.

import { describe, expect, it } from 'vitest';
import { meanOf, sampler, type Distribution } from '../../src/engine/distributions.js';
import { RngStreams } from '../../src/engine/rng.js';

const N = 100_000;

function sampleMean(d: Distribution, seed = 1) {
  const draw = sampler(d, new RngStreams(seed).stream('x'));
  let s = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < N; i++) {
    const x = draw();
    s += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { mean: s / N, min, max };
}

describe('distributions', () => {
  // With 100,000 draws the standard error of a mean is sd/316; 5 standard errors is the tolerance.
  it.each<[Distribution, number]>([
    [{ dist: 'constant', value: 3 }, 0],
    [{ dist: 'uniform', min: 2, max: 6 }, 4 / Math.sqrt(12)],
    [{ dist: 'exponential', mean: 30 }, 30],
    [{ dist: 'normal', mean: 60, sd: 10 }, 10],
    [{ dist: 'lognormal', mu: 1, sigma: 0.5 }, Math.sqrt((Math.exp(0.25) - 1) * Math.exp(2 + 0.25))],
    [{ dist: 'empirical', values: [1, 2, 10], weights: [1, 1, 2] }, Math.sqrt(((1 - 5.75) ** 2 + (2 - 5.75) ** 2 + 2 * (10 - 5.75) ** 2) / 4)],
  ])('%j has the mean of theory', (d, sd) => {
    const { mean } = sampleMean(d);
    expect(Math.abs(mean - meanOf(d))).toBeLessThanOrEqual((5 * sd) / Math.sqrt(N) + 1e-12);
  });

  it('truncates a bounded normal to its bounds', () => {
    const { min, max } = sampleMean({ dist: 'normal', mean: 0, sd: 10, min: -1, max: 2 });
    expect(min).toBeGreaterThanOrEqual(-1);
    expect(max).toBeLessThanOrEqual(2);
  });
});
