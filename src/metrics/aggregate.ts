// Statistics across replications: mean, sample standard deviation and a Student-t 95%
// confidence interval of the mean, per metric, for one group of runs.

import { mean, sampleStandardDeviation } from 'simple-statistics';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Summary {
  mean: number | null;
  sd: number | null;
  ci95Low: number | null;
  ci95High: number | null;
}

/** Summary of the non-missing values; sd and the interval need at least two. */
export function summarize(values: readonly (number | null)[]): Summary {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { mean: null, sd: null, ci95Low: null, ci95High: null };
  const m = mean(xs);
  if (xs.length < 2) return { mean: m, sd: null, ci95Low: null, ci95High: null };
  const sd = sampleStandardDeviation(xs);
  const half = tQuantile(0.975, xs.length - 1) * (sd / Math.sqrt(xs.length));
  return { mean: m, sd, ci95Low: m - half, ci95High: m + half };
}
