// The centralized welfare optimum of one interval alone (`myopic`): maximise pi_m*E - sum c_i(e_i) subject to E <= D and
// 0 <= e_i <= E_i. Marginal costs are equalised at lambda = pi_m, or lower, at the level where E = D.

import type { MarketInstance } from './instance.js';
import type { SupplyCurve } from './supplyCurve.js';

/** The optimum's marginal cost lambda: every follower sells clamp((lambda - b_i)/(2 a_i), 0, E_i). */
export function optimalLevel(instance: MarketInstance, curve: SupplyCurve): number {
  const demand = instance.demand;
  const peaker = instance.peakerPrice;
  curve.restart();
  if (!(demand > 0)) return Math.min(peaker, curve.next());
  let left = -Infinity;
  for (;;) {
    const right = curve.next();
    const r = Math.min(right, peaker);
    if (curve.supplyAt(r) >= demand) {
      const A = curve.slope;
      if (!(A > 0)) return Math.max(left, Math.min(r, peaker));
      return Math.min(r, Math.max(left, (demand + curve.offset - curve.saturated) / A));
    }
    if (right >= peaker) return peaker;
    curve.advance();
    left = right;
  }
}
