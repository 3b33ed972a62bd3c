// Nash bargaining over the price: the grid (bargaining power beta) and its followers (1 - beta)
// agree on the p that maximises U_g(p)^beta * U_e(p)^(1 - beta), where U_g = (pi_m - p) E(p) is the
// grid's saving against buying everything at pi_m (the disagreement point) and U_e = sum over
// followers of p e_i(p) - c_i(e_i(p)) with e_i their best responses. Prices are searched where the
// grid can use every offer (E(p) <= D). On each breakpoint segment U_g and U_e are quadratic, so the
// stationary points are the roots of a cubic: exact up to floating point.

import type { MarketInstance } from './instance.js';
import type { SupplyCurve } from './supplyCurve.js';
import { cubicRootsIn } from './polynomial.js';

/**
 * The bargained price, or undefined when no price gives both sides a positive gain
 * (then there is nothing to bargain over and the leader's price applies).
 */
export function bargainingPrice(instance: MarketInstance, curve: SupplyCurve, beta: number): number | undefined {
  if (!(beta >= 0 && beta <= 1)) throw new RangeError(`expected a bargaining power in [0, 1], got ${beta}`);
  const demand = Math.max(0, instance.demand);
  const peaker = instance.peakerPrice;
  const lo = instance.priceMin;
  const hi = Math.min(instance.priceMax, peaker);
  const roots = new Float64Array(4);
  let bestPrice = NaN;
  let bestValue = -Infinity;

  const consider = (p: number): void => {
    const e = curve.supplyAt(p);
    const grid = (peaker - p) * e;
    const A = curve.slope;
    const evs = (0.5 * A * p - curve.offset + curve.saturated) * p + 0.5 * curve.squares - curve.saturatedCost;
    const value = logGain(grid, beta) + logGain(evs, 1 - beta);
    if (value > bestValue) {
      bestValue = value;
      bestPrice = p;
    }
  };

  curve.restart();
  let left = -Infinity;
  for (;;) {
    const right = curve.next();
    const l = Math.max(left, lo);
    let r = Math.min(right, hi);
    const A = curve.slope;
    const e0 = curve.saturated - curve.offset;
    const reachesDemand = A * r + e0 >= demand;
    if (reachesDemand && A > 0) r = Math.min(r, (demand - e0) / A);
    if (l <= r) {
      consider(l);
      const g2 = -A, g1 = A * peaker - e0, g0 = peaker * e0;
      const d1 = -2 * A, d0 = g1;
      const h2 = 0.5 * A, h1 = e0, h0 = 0.5 * curve.squares - curve.saturatedCost;
      const w = 1 - beta;
      const c3 = beta * d1 * h2 + w * A * g2;
      const c2 = beta * (d1 * h1 + d0 * h2) + w * (A * g1 + e0 * g2);
      const c1 = beta * (d1 * h0 + d0 * h1) + w * (A * g0 + e0 * g1);
      const c0 = beta * d0 * h0 + w * e0 * g0;
      const count = cubicRootsIn(c3, c2, c1, c0, l, r, roots);
      for (let k = 0; k < count; k++) consider(roots[k]);
      consider(r);
    }
    if (right >= hi || reachesDemand) return bestValue > -Infinity ? bestPrice : undefined;
    curve.advance();
    left = right;
  }
}

/** weight * ln(gain), with a zero weight ignoring the gain and a non-positive gain ruling the price out. */
function logGain(gain: number, weight: number): number {
  if (weight === 0) return gain >= 0 ? 0 : -Infinity;
  return gain > 0 ? weight * Math.log(gain) : -Infinity;
}
