// The library entry point of the negotiation: solveMarket(kind, instance) prices one instance (one
// interval) with one market kind and reports the allocation, the money flows, the welfare and the gap
// to that interval's own optimum (over one interval alone, `optimal` and `myopic` coincide).

import type { MarketInstance, MarketKind, MarketOutcome, MarketTerms } from './instance.js';
import { SupplyCurve } from './supplyCurve.js';
import { optimalLevel } from './optimal.js';
import { MARKET_KINDS } from './kinds.js';
import { ensureLength } from '../../engine/typedArrays.js';

export type { MarketInstance, MarketKind, MarketOutcome, MarketTerms } from './instance.js';

/** Scratch space reused across solves (breakpoints and the energy buffer), for callers solving many instances. */
export class MarketWorkspace {
  readonly curve = new SupplyCurve();
  private buffer = new Float64Array(64);

  energyFor(n: number): Float64Array {
    this.buffer = ensureLength(this.buffer, n);
    return this.buffer.subarray(0, n);
  }
}

/**
 * Solves `instance` with market `kind`. `terms.bargainingPower` (default 0.5) is used by `nash`,
 * `terms.tariff` (required) by `fixed`. With a `workspace`, the returned `energy` is a view into
 * it that the next solve with the same workspace overwrites.
 */
export function solveMarket(kind: MarketKind, instance: MarketInstance, terms: Partial<MarketTerms> = {}, workspace?: MarketWorkspace): MarketOutcome {
  const n = instance.count ?? instance.a.length;
  const curve = workspace ? workspace.curve : new SupplyCurve();
  curve.load(instance);
  const price = MARKET_KINDS[kind].price(instance, terms, curve);
  const energy = workspace ? workspace.energyFor(n) : new Float64Array(n);
  const chosen = allocate(instance, price, energy);
  const centralized = kind === 'myopic' || kind === 'optimal';
  const optimalPrice = centralized ? price : optimalLevel(instance, curve);
  const optimal = centralized ? chosen : allocate(instance, optimalPrice, null);
  const demand = Math.max(0, instance.demand);
  const socialWelfare = instance.peakerPrice * chosen.energy - chosen.cost;
  const optimalWelfare = instance.peakerPrice * optimal.energy - optimal.cost;
  return {
    price,
    energy,
    energyTotal: chosen.energy,
    gridCost: price * chosen.energy + instance.peakerPrice * (demand - chosen.energy),
    evRevenue: price * chosen.energy,
    socialWelfare,
    optimalWelfare,
    optimalPrice,
    optimalityGap: optimalityGap(socialWelfare, optimalWelfare),
  };
}

/** 1 - W / W_opt, defined as 0 when W_opt is 0. */
export function optimalityGap(welfare: number, optimalWelfare: number): number {
  return optimalWelfare === 0 ? 0 : 1 - welfare / optimalWelfare;
}

/** Follower i's best response to price p: clamp((p - b)/(2a), 0, limit). */
export function bestResponse(p: number, a: number, b: number, limit: number): number {
  const e = (p - b) / (2 * a);
  return e <= 0 ? 0 : e >= limit ? limit : e;
}

/**
 * Best responses to `price`, scaled down pro rata when their sum exceeds the demand (the grid buys
 * no more than its deficit); writes them to `out` when given. Returns the total energy and cost.
 */
function allocate(instance: MarketInstance, price: number, out: Float64Array | null): { energy: number; cost: number } {
  const n = instance.count ?? instance.a.length;
  const { a, b, limit } = instance;
  const demand = Math.max(0, instance.demand);
  let offered = 0;
  for (let i = 0; i < n; i++) if (limit[i] > 0) offered += bestResponse(price, a[i], b[i], limit[i]);
  const scale = offered > demand ? demand / offered : 1;
  let energy = 0;
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const e = limit[i] > 0 ? bestResponse(price, a[i], b[i], limit[i]) * scale : 0;
    if (out) out[i] = e;
    energy += e;
    cost += a[i] * e * e + b[i] * e;
  }
  return { energy: Math.min(energy, demand), cost };
}
