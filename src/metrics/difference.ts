// Differences between two groups of runs per metric: paired (runs that share a seed, differences
// summarised with a Student-t 95% interval) or, where no seeds are shared, Welch's unpaired interval.

import { mean, sampleVariance } from 'simple-statistics';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { summarize } from './aggregate.js';

export interface Difference {
  /** Pairs (paired) or the smaller group's size (unpaired) behind the estimate. */
  n: number;
  paired: boolean;
  mean: number | null;
  ci95Low: number | null;
  ci95High: number | null;
}

type Value = number | null | undefined;

const finite = (v: Value): v is number => typeof v === 'number' && Number.isFinite(v);

/** Mean of b - a over pairs where both are finite, with the paired Student-t 95% interval. */
export function pairedDifference(pairs: readonly [Value, Value][]): Difference {
  const diffs = pairs.filter(([a, b]) => finite(a) && finite(b)).map(([a, b]) => (b as number) - (a as number));
  const s = summarize(diffs);
  return { n: diffs.length, paired: true, mean: s.mean, ci95Low: s.ci95Low, ci95High: s.ci95High };
}

/** Mean of b minus mean of a, with Welch's 95% interval (unequal variances, Welch–Satterthwaite degrees of freedom). */
export function welchDifference(a: readonly Value[], b: readonly Value[]): Difference {
  const xs = a.filter(finite), ys = b.filter(finite);
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return { n, paired: false, mean: null, ci95Low: null, ci95High: null };
  const diff = mean(ys) - mean(xs);
  if (n < 2) return { n, paired: false, mean: diff, ci95Low: null, ci95High: null };
  const va = sampleVariance(xs) / xs.length;
  const vb = sampleVariance(ys) / ys.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { n, paired: false, mean: diff, ci95Low: diff, ci95High: diff };
  const df = (va + vb) ** 2 / (va ** 2 / (xs.length - 1) + vb ** 2 / (ys.length - 1));
  const half = tQuantile(0.975, df) * se;
  return { n, paired: false, mean: diff, ci95Low: diff - half, ci95High: diff + half };
}
