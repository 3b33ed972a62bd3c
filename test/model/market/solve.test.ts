// Checks the negotiation solvers against hand-computed cases, closed forms and fine price scans.

import { describe, expect, it } from 'vitest';
import { RngStreams, type Rng } from '../../../src/engine/rng.js';
import { bestResponse, solveMarket, type MarketInstance } from '../../../src/model/market/solve.js';

/** Leader cost as the issue states it: p E(p) + pi_m max(0, D - E(p)). */
function leaderCost(inst: MarketInstance, p: number): number {
  const e = supply(inst, p);
  return p * e + inst.peakerPrice * Math.max(0, inst.demand - e);
}

function supply(inst: MarketInstance, p: number): number {
  let e = 0;
  for (let i = 0; i < inst.a.length; i++) e += bestResponse(p, inst.a[i], inst.b[i], inst.limit[i]);
  return e;
}

/** Welfare of everybody best-responding to level q, scaled down to the demand. */
function welfareAtLevel(inst: MarketInstance, q: number): number {
  const offered = supply(inst, q);
  const scale = offered > inst.demand ? inst.demand / offered : 1;
  let w = 0;
  for (let i = 0; i < inst.a.length; i++) {
    const e = bestResponse(q, inst.a[i], inst.b[i], inst.limit[i]) * scale;
    w += inst.peakerPrice * e - inst.a[i] * e * e - inst.b[i] * e;
  }
  return w;
}

/** Random instance with 1-30 followers whose bounds and demand bind often (including E(p) reaching D). */
function randomInstance(rng: Rng): MarketInstance {
  const n = 1 + Math.floor(rng() * 30);
  const a = Array.from({ length: n }, () => 0.005 + rng() * 0.2);
  const b = Array.from({ length: n }, () => rng() * 0.3);
  const limit = Array.from({ length: n }, () => (rng() < 0.1 ? 0 : rng() * 3));
  const total = limit.reduce((s, x) => s + x, 0);
  const priceMin = rng() < 0.7 ? 0 : rng() * 0.2;
  return {
    a, b, limit,
    demand: rng() < 0.1 ? 0 : rng() * total * 1.2,
    peakerPrice: 0.1 + rng() * 0.4,
    priceMin,
    priceMax: priceMin + (rng() < 0.3 ? rng() * 0.15 : 0.5),
  };
}

describe('best response', () => {
  it('is (p - b)/(2a) clamped to [0, E]', () => {
    // a = 0.05, b = 0.01: at p = 0.21, (0.21 - 0.01)/0.1 = 2 kWh.
    expect(bestResponse(0.21, 0.05, 0.01, 5)).toBeCloseTo(2, 12);
    expect(bestResponse(0.21, 0.05, 0.01, 1.5)).toBe(1.5);
    expect(bestResponse(0.005, 0.05, 0.01, 5)).toBe(0);
  });
});

describe('stackelberg', () => {
  it('meets the interior closed form p* = pi_m/2 + B/(2A) on a hand-computed case', () => {
    // A = 1/0.2 + 1/0.4 + 1/0.1 = 17.5; B = 0.01/0.2 + 0.02/0.4 + 0.03/0.1 = 0.4;
    // p* = 0.15 + 0.4/35 = 0.16142857...; every e_i = (p* - b_i)/(2 a_i) lies in (0, 100) and E < D.
    const inst = { a: [0.1, 0.2, 0.05], b: [0.01, 0.02, 0.03], limit: [100, 100, 100], demand: 1000, peakerPrice: 0.3, priceMin: 0, priceMax: 0.5 };
    const out = solveMarket('stackelberg', inst);
    const p = 0.15 + 0.4 / 35;
    expect(out.price).toBeCloseTo(p, 12);
    expect(out.energy[0]).toBeCloseTo((p - 0.01) / 0.2, 10);
    expect(out.energyTotal).toBeCloseTo(17.5 * p - 0.4, 10);
    expect(out.gridCost).toBeCloseTo(p * out.energyTotal + 0.3 * (1000 - out.energyTotal), 9);
    expect(out.evRevenue).toBeCloseTo(p * out.energyTotal, 12);
  });

  it('is never beaten by a fine scan of prices on random instances with binding bounds', () => {
    const rng = new RngStreams(7).stream('instances');
    const steps = 4000;
    let reachedDemand = 0;
    for (let t = 0; t < 300; t++) {
      const inst = randomInstance(rng);
      const out = solveMarket('stackelberg', inst);
      expect(out.price).toBeGreaterThanOrEqual(inst.priceMin);
      expect(out.price).toBeLessThanOrEqual(inst.priceMax);
      const solved = leaderCost(inst, out.price);
      let scanned = Infinity;
      for (let k = 0; k <= steps; k++) scanned = Math.min(scanned, leaderCost(inst, inst.priceMin + ((inst.priceMax - inst.priceMin) * k) / steps));
      // The scan evaluates the same cost function, so the exact minimum is at most the scan's
      // minimum; 1e-9 absorbs rounding of sums of ~30 terms of order 1.
      expect(solved).toBeLessThanOrEqual(scanned + 1e-9);
      if (inst.demand > 0 && Math.abs(supply(inst, out.price) - inst.demand) < 1e-9) reachedDemand++;
    }
    // The generator must exercise the kink where E(p) reaches D, not only interior optima.
    expect(reachedDemand).toBeGreaterThan(10);
  });
});

describe('optimal', () => {
  it('maximises welfare: no scan of marginal-cost levels beats it, and it satisfies the KKT conditions', () => {
    const rng = new RngStreams(11).stream('instances');
    for (let t = 0; t < 200; t++) {
      const inst = randomInstance(rng);
      const out = solveMarket('optimal', inst);
      expect(out.optimalityGap).toBe(0);
      expect(out.socialWelfare).toBe(out.optimalWelfare);
      let scanned = -Infinity;
      for (let k = 0; k <= 2000; k++) scanned = Math.max(scanned, welfareAtLevel(inst, (0.6 * k) / 2000));
      expect(out.socialWelfare).toBeGreaterThanOrEqual(scanned - 1e-9);
      // KKT: lambda = pi_m with E <= D, or lambda < pi_m with E = D.
      if (out.price < inst.peakerPrice - 1e-12) expect(out.energyTotal).toBeCloseTo(inst.demand, 8);
      else expect(out.energyTotal).toBeLessThanOrEqual(inst.demand + 1e-9);
    }
  });

  it('has welfare at least that of every other kind', () => {
    const rng = new RngStreams(13).stream('instances');
    for (let t = 0; t < 200; t++) {
      const inst = randomInstance(rng);
      const best = solveMarket('optimal', inst).socialWelfare;
      for (const out of [
        solveMarket('stackelberg', inst),
        solveMarket('nash', inst, { bargainingPower: rng() }),
        solveMarket('fixed', inst, { tariff: rng() * 0.5 }),
      ]) {
        expect(out.socialWelfare).toBeLessThanOrEqual(best + 1e-9);
        expect(out.optimalWelfare).toBeCloseTo(best, 9);
        expect(out.optimalityGap).toBeGreaterThanOrEqual(-1e-9);
        expect(out.energyTotal).toBeLessThanOrEqual(inst.demand + 1e-9);
      }
    }
  });

  it('defines the gap as 0 when the optimum is worth nothing', () => {
    const out = solveMarket('stackelberg', { a: [0.1], b: [0.01], limit: [2], demand: 0, peakerPrice: 0.3, priceMin: 0, priceMax: 0.5 });
    expect(out.energyTotal).toBe(0);
    expect(out.optimalWelfare).toBe(0);
    expect(out.optimalityGap).toBe(0);
  });
});

describe('nash', () => {
  /** ln of the Nash product at p, searched where E(p) <= D (as documented). */
  function logNash(inst: MarketInstance, p: number, beta: number): number {
    const e = supply(inst, p);
    if (e > inst.demand + 1e-12) return -Infinity;
    let evs = 0;
    for (let i = 0; i < inst.a.length; i++) {
      const x = bestResponse(p, inst.a[i], inst.b[i], inst.limit[i]);
      evs += p * x - inst.a[i] * x * x - inst.b[i] * x;
    }
    const grid = (inst.peakerPrice - p) * e;
    if (grid <= 0 || evs <= 0) return -Infinity;
    return beta * Math.log(grid) + (1 - beta) * Math.log(evs);
  }

  it('is never beaten by a fine scan of the Nash product', () => {
    const rng = new RngStreams(17).stream('instances');
    for (let t = 0; t < 200; t++) {
      const inst = randomInstance(rng);
      const beta = 0.05 + 0.9 * rng();
      const out = solveMarket('nash', inst, { bargainingPower: beta });
      let scanned = -Infinity;
      for (let k = 0; k <= 4000; k++) scanned = Math.max(scanned, logNash(inst, inst.priceMin + ((inst.priceMax - inst.priceMin) * k) / 4000, beta));
      if (scanned === -Infinity) continue;
      // Log-values of order 1; the exact maximum can only exceed the scan (1e-9 for rounding).
      expect(logNash(inst, out.price, beta)).toBeGreaterThanOrEqual(scanned - 1e-9);
    }
  });

  it('gives the leader price with all bargaining power at the grid and a higher price with less', () => {
    const inst = { a: [0.1, 0.2, 0.05], b: [0.01, 0.02, 0.03], limit: [100, 100, 100], demand: 1000, peakerPrice: 0.3, priceMin: 0, priceMax: 0.5 };
    const leader = solveMarket('stackelberg', inst).price;
    expect(solveMarket('nash', inst, { bargainingPower: 1 }).price).toBeCloseTo(leader, 9);
    const half = solveMarket('nash', inst, { bargainingPower: 0.5 }).price;
    expect(half).toBeGreaterThan(leader);
    // With no bargaining power the grid concedes its whole saving: p = pi_m.
    expect(solveMarket('nash', inst, { bargainingPower: 0 }).price).toBeCloseTo(0.3, 9);
  });
});

describe('fixed', () => {
  it('pays the tariff and buys at most the demand, pro rata', () => {
    const inst = { a: [0.05, 0.05], b: [0, 0], limit: [10, 10], demand: 2, peakerPrice: 0.3, priceMin: 0, priceMax: 0.5 };
    // At p = 0.2 each offers 0.2/0.1 = 2 kWh; the grid takes 2 of the 4, 1 from each.
    const out = solveMarket('fixed', inst, { tariff: 0.2 });
    expect(out.price).toBe(0.2);
    expect(out.energy[0]).toBeCloseTo(1, 12);
    expect(out.energy[1]).toBeCloseTo(1, 12);
    expect(out.gridCost).toBeCloseTo(0.4, 12);
    expect(() => solveMarket('fixed', inst)).toThrow(/tariff/);
  });
});
