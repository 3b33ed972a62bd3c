// Picks an index with probability proportional to its weight (cumulative weights, binary search).

import type { Rng } from '../../engine/rng.js';

export class WeightedPick {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => (this.cumulative[i] = total += w));
  }

  draw(rng: Rng): number {
    const c = this.cumulative;
    const u = rng() * c[c.length - 1];
    let lo = 0, hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Equal weights when none are given; otherwise checks there is one weight per producer. */
export function producerWeights(count: number, weights: readonly number[] | undefined, key: string): number[] {
  if (!weights) return Array.from({ length: count }, () => 1);
  if (weights.length !== count) throw new RangeError(`${key} lists ${weights.length} shares for ${count} producers; give one share per producer`);
  return [...weights];
}
