// The Stackelberg leader's exact price: the grid picks p in [priceMin, priceMax] minimising its cost
// p*min(E, D) + pi_m*max(0, D - E(p)). The cost is quadratic in p between breakpoints of E (and the
// point where E = D), so the minimum is at a segment end, that point, or a segment's vertex.

import type { MarketInstance } from './instance.js';
import type { SupplyCurve } from './supplyCurve.js';

/** The leader's optimal price for `instance` whose breakpoints `curve` holds (smallest price on ties). */
export function leaderPrice(instance: MarketInstance, curve: SupplyCurve): number {
  const demand = Math.max(0, instance.demand);
  const peaker = instance.peakerPrice;
  const lo = instance.priceMin;
  const hi = instance.priceMax;
  let bestPrice = lo;
  let bestCost = Infinity;

  const consider = (p: number, l: number, r: number): void => {
    if (!(p >= l && p <= r)) return;
    const e = curve.supplyAt(p);
    const cost = e < demand ? p * e + peaker * (demand - e) : p * demand;
    if (cost < bestCost || (cost === bestCost && p < bestPrice)) {
      bestCost = cost;
      bestPrice = p;
    }
  };

  curve.restart();
  let left = -Infinity;
  for (;;) {
    const right = curve.next();
    const l = Math.max(left, lo);
    const r = Math.min(right, hi);
    if (l <= r) {
      consider(l, l, r);
      const A = curve.slope;
      if (A > 0) {
        const net = curve.offset - curve.saturated;
        consider((demand + net) / A, l, r);
        consider(peaker / 2 + net / (2 * A), l, r);
      }
      consider(r, l, r);
    }
    if (right >= hi) return bestPrice;
    curve.advance();
    left = right;
  }
}
