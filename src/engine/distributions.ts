// The one distribution notation of scenario files, resolved (plain values already turned into
// constants, durations into seconds), and a sampler that draws from it with a named stream.

import type { Rng } from './rng.js';

export type Distribution =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; mu: number; sigma: number; min?: number; max?: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] };

export type Sampler = () => number;

const MAX_REJECTIONS = 1000;

/** Returns a function drawing from `d` with `rng`. Bounded normal/lognormal are truncated by rejection. */
export function sampler(d: Distribution, rng: Rng): Sampler {
  switch (d.dist) {
    case 'constant': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min, max } = d;
      return () => min + (max - min) * rng();
    }
    case 'exponential': {
      const mean = d.mean;
      return () => -mean * Math.log(1 - rng());
    }
    case 'normal': {
      const { mean, sd } = d;
      return truncated(() => mean + sd * standardNormal(rng), d.min, d.max);
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      return truncated(() => Math.exp(mu + sigma * standardNormal(rng)), d.min, d.max);
    }
    case 'empirical':
      return empirical(d.values, d.weights, rng);
  }
}

/** Expected value of `d` (ignoring truncation of normal/lognormal bounds). */
export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'empirical': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return d.values.reduce((acc, v, i) => acc + v * w[i], 0) / total;
    }
  }
}

/** A constant distribution. */
export function constant(value: number): Distribution {
  return { dist: 'constant', value };
}

/** Box-Muller standard normal draw (one of the pair; the other is dropped to keep the stream stateless). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function truncated(draw: Sampler, min = -Infinity, max = Infinity): Sampler {
  if (min === -Infinity && max === Infinity) return draw;
  return () => {
    for (let i = 0; i < MAX_REJECTIONS; i++) {
      const x = draw();
      if (x >= min && x <= max) return x;
    }
    return Math.min(max, Math.max(min, draw()));
  };
}

function empirical(values: number[], weights: number[] | undefined, rng: Rng): Sampler {
  const n = values.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights ? weights[i] : 1;
    cumulative[i] = total;
  }
  return () => {
    const u = rng() * total;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}
