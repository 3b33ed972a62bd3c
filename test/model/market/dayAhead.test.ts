// Checks the day-ahead optimum: KKT conditions on random instances, a brute-force search on tiny
// ones, the certified duality gap, and per-session messages for instances it cannot solve.

import { describe, expect, it } from 'vitest';
import { DayAheadInputError, solveDayAhead, type DayAheadProblem } from '../../../src/model/market/dayAhead.js';
import { randomProblem } from './randomProblem.js';

/** Strictly between its bounds, up to the relative scaling the feasible primal applies where supply met the deficit. */
const isFree = (e: number, cap: number) => e > 1e-5 * cap && e < cap * (1 - 1e-5);

/** Largest violation of the KKT conditions of the returned allocation at its shadow prices. */
function kktResidual(p: DayAheadProblem, sol: ReturnType<typeof solveDayAhead>): number {
  let worst = 0;
  const mu = Array.from(sol.shadowPrice, (price) => p.peakerPrice - price);
  const total = new Float64Array(p.intervals);
  for (let s = 0; s < p.count; s++) {
    const at = sol.offset[s] - p.first[s];
    const capOf = (k: number) => (k === p.end[s] - 1 ? p.tail[s] : p.full[s]);
    const gradient = (k: number) => p.peakerPrice - p.linear[s] - mu[k] - 2 * p.quadratic[s] * sol.energy[at + k];
    let sold = 0;
    const free: number[] = [];
    for (let k = p.first[s]; k < p.end[s]; k++) {
      const e = sol.energy[at + k];
      worst = Math.max(worst, -e, e - capOf(k));
      sold += e;
      total[k] += e;
      if (isFree(e, capOf(k))) free.push(gradient(k));
    }
    worst = Math.max(worst, sold - p.budget[s]);
    if (p.budget[s] <= 0) continue;
    // nu: the budget's multiplier, read off the free entries (else the least that keeps idle entries idle).
    let nu = 0;
    if (free.length) nu = free.reduce((a, b) => a + b, 0) / free.length;
    else for (let k = p.first[s]; k < p.end[s]; k++) if (sol.energy[at + k] <= 1e-5 * capOf(k)) nu = Math.max(nu, gradient(k));
    worst = Math.max(worst, -nu, (nu * (p.budget[s] - sold)) / p.budget[s]);
    for (let k = p.first[s]; k < p.end[s]; k++) {
      const e = sol.energy[at + k];
      const g = gradient(k) - nu;
      if (isFree(e, capOf(k))) worst = Math.max(worst, Math.abs(g));
      else if (e <= 1e-5 * capOf(k)) worst = Math.max(worst, g);
      else worst = Math.max(worst, -g);
    }
  }
  for (let k = 0; k < p.intervals; k++) {
    worst = Math.max(worst, -mu[k], total[k] - p.demand[k] - 1e-9 * p.demand[k]);
    worst = Math.max(worst, (mu[k] * (p.demand[k] - total[k])) / Math.max(1, p.demand[k]));
  }
  return worst;
}

describe('day-ahead optimum', () => {
  it('meets the KKT conditions on random instances, with a certified relative gap below 1e-9', () => {
    for (let i = 0; i < 20; i++) {
      const p = randomProblem(`kkt${i}`, 5 + i * 10, 8 + i);
      const sol = solveDayAhead(p);
      expect(sol.gap).toBeLessThanOrEqual(1e-9);
      expect(sol.dualBound).toBeGreaterThanOrEqual(sol.welfare - 1e-9);
      expect(kktResidual(p, sol)).toBeLessThan(1e-4);
      const sum = sol.intervalWelfare.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(sol.welfare, 9);
    }
  });

  it('reaches the same certified optimum with gradient steps alone (the solver without Newton steps)', () => {
    for (let i = 0; i < 20; i++) {
      const p = randomProblem(`kkt${i}`, 5 + i * 10, 8 + i);
      const newton = solveDayAhead(p);
      const gradient = solveDayAhead(p, { steps: 'gradient' });
      expect(gradient.gap).toBeLessThanOrEqual(1e-9);
      expect(kktResidual(p, gradient)).toBeLessThan(1e-4);
      // Each welfare is within its certified gap of the common optimum, below both dual bounds.
      expect(Math.abs(newton.welfare - gradient.welfare)).toBeLessThanOrEqual(2e-9 * Math.max(newton.dualBound, gradient.dualBound) + 1e-12);
      expect(newton.welfare).toBeLessThanOrEqual(gradient.dualBound * (1 + 1e-12) + 1e-12);
      expect(gradient.welfare).toBeLessThanOrEqual(newton.dualBound * (1 + 1e-12) + 1e-12);
    }
  });

  it('is never beaten by a brute-force search over a grid of allocations of a tiny instance', () => {
    for (let i = 0; i < 4; i++) {
      const p = randomProblem(`tiny${i}`, 2, 2);
      p.first = Int32Array.of(0, 0);
      p.end = Int32Array.of(2, 2);
      (p.demand as Float64Array).set([1 + i, 3 - i]);
      const sol = solveDayAhead(p);
      const steps = 40;
      let best = 0;
      const cap = (s: number, k: number) => (k === 1 ? p.tail[s] : p.full[s]);
      const cost = (s: number, e: number) => p.quadratic[s] * e * e + p.linear[s] * e;
      for (let i0 = 0; i0 <= steps; i0++) for (let i1 = 0; i1 <= steps; i1++) for (let j0 = 0; j0 <= steps; j0++) for (let j1 = 0; j1 <= steps; j1++) {
        const e00 = (cap(0, 0) * i0) / steps, e01 = (cap(0, 1) * i1) / steps, e10 = (cap(1, 0) * j0) / steps, e11 = (cap(1, 1) * j1) / steps;
        if (e00 + e01 > p.budget[0] || e10 + e11 > p.budget[1] || e00 + e10 > p.demand[0] || e01 + e11 > p.demand[1]) continue;
        const w = p.peakerPrice * (e00 + e01 + e10 + e11) - cost(0, e00) - cost(0, e01) - cost(1, e10) - cost(1, e11);
        if (w > best) best = w;
      }
      expect(sol.welfare).toBeGreaterThanOrEqual(best - 1e-9);
      expect(sol.welfare - best).toBeLessThan(0.02 * Math.max(best, 0.01));
    }
  });

  it('sells nothing where nobody has a budget, and everything wanted where deficits never bind', () => {
    const p = randomProblem('none', 30, 10);
    const none = solveDayAhead({ ...p, budget: new Float64Array(30) });
    expect(none.welfare).toBe(0);
    expect(none.energy.every((e) => e === 0)).toBe(true);
    const loose = solveDayAhead({ ...p, demand: new Float64Array(10).fill(1e9) });
    expect(loose.iterations).toBe(1);
    expect(Array.from(loose.shadowPrice)).toEqual(new Array(10).fill(p.peakerPrice));
  });

  it('names every session whose reserve it cannot meet, and bad windows, instead of returning NaN', () => {
    const p = randomProblem('bad', 4, 6);
    (p.budget as Float64Array)[1] = -3;
    (p.end as Int32Array)[2] = 99;
    try {
      solveDayAhead(p);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DayAheadInputError);
      const problems = (error as DayAheadInputError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^session 1: its reserve is above its charge at arrival by 3 kWh/);
      expect(problems[1]).toMatch(/^session 2: expected a window within 0\.\.6 intervals/);
    }
  });
});
