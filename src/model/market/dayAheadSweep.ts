// One pass of the day-ahead solver over every session of one agent's problem at given interval
// multipliers: each session's best response (its budget multiplier by Newton steps in a bracket), the dual
// value, a feasible primal, and the dual's Hessian diagonal at that point for the next Newton step.

import type { DayAheadProblem } from './dayAhead.js';

const MAX_BUDGET_STEPS = 100;

/** One pass over every session at given multipliers: its best allocation, the dual value and a feasible primal. */
export class Sweep {
  /** E_k of the sessions' best responses, then the sums of their costs alpha e^2 and b e per interval. */
  readonly supply: Float64Array;
  /**
   * The dual's Hessian diagonal at the last pass: how fast E_k falls as mu_k rises with the other multipliers
   * held: 1/(2 alpha) for each session strictly inside its box there, times (1 - 1/F) for a session whose
   * budget binds with F such entries (its free entries move together: raising mu_k shifts nu and the others).
   */
  readonly freeCurvature: Float64Array;
  /** Scratch: the current session's intervals strictly inside its box. */
  private readonly freeAt: Int32Array;
  private readonly squares: Float64Array;
  private readonly linearCost: Float64Array;
  /** The feasible primal: supply scaled down to the deficit, and its welfare per interval. */
  readonly scaledSupply: Float64Array;
  readonly intervalWelfare: Float64Array;
  /** Each session's budget multiplier, kept as the next pass's starting point. */
  private readonly nu: Float64Array;
  /** Scratch results of supplyAt. */
  private total = 0;
  private free = 0;

  constructor(private readonly p: DayAheadProblem, private readonly offset: Int32Array) {
    const K = p.intervals;
    this.supply = new Float64Array(K);
    this.freeCurvature = new Float64Array(K);
    this.freeAt = new Int32Array(K);
    this.squares = new Float64Array(K);
    this.linearCost = new Float64Array(K);
    this.scaledSupply = new Float64Array(K);
    this.intervalWelfare = new Float64Array(K);
    this.nu = new Float64Array(p.count);
  }

  /** Allocation at multipliers mu (written, scaled to be feasible, to `out` when given); the dual value and the primal welfare. */
  evaluate(mu: Float64Array, out: Float64Array | null): { dual: number; primal: number } {
    const { p, supply, squares, linearCost, freeCurvature, freeAt } = this;
    const K = p.intervals;
    const pi = p.peakerPrice;
    supply.fill(0);
    freeCurvature.fill(0);
    squares.fill(0);
    linearCost.fill(0);
    for (let s = 0; s < p.count; s++) {
      const budget = p.budget[s];
      if (!(budget > 0)) continue;
      const first = p.first[s];
      const last = p.end[s] - 1;
      const alpha = p.quadratic[s];
      const b = p.linear[s];
      const r = 0.5 / alpha;
      const full = p.full[s];
      const tail = p.tail[s];
      const nu = this.budgetMultiplier(s, mu, first, last, pi - b, r, full, tail, budget);
      let free = 0;
      for (let k = first; k <= last; k++) {
        const cap = k === last ? tail : full;
        let e = (pi - b - mu[k] - nu) * r;
        e = e <= 0 ? 0 : e >= cap ? cap : e;
        if (e === 0) continue;
        if (e < cap) freeAt[free++] = k;
        supply[k] += e;
        squares[k] += alpha * e * e;
        linearCost[k] += b * e;
      }
      const c = nu > 0 ? r - r / free : r;
      for (let j = 0; j < free; j++) freeCurvature[freeAt[j]] += c;
    }
    let dual = 0;
    let primal = 0;
    for (let k = 0; k < K; k++) {
      dual += (pi - mu[k]) * supply[k] - squares[k] - linearCost[k] + mu[k] * p.demand[k];
      const f = supply[k] > p.demand[k] ? p.demand[k] / supply[k] : 1;
      this.scaledSupply[k] = f * supply[k];
      const w = pi * f * supply[k] - f * f * squares[k] - f * linearCost[k];
      this.intervalWelfare[k] = w;
      primal += w;
    }
    if (out) this.write(mu, out);
    return { dual, primal };
  }

  /** The session's allocation at mu, scaled per interval as the primal is, into `out`. */
  private write(mu: Float64Array, out: Float64Array): void {
    const { p, supply } = this;
    const pi = p.peakerPrice;
    for (let s = 0; s < p.count; s++) {
      const first = p.first[s];
      const last = p.end[s] - 1;
      const at = this.offset[s] - first;
      if (!(p.budget[s] > 0)) continue;
      const r = 0.5 / p.quadratic[s];
      const nu = this.nu[s];
      for (let k = first; k <= last; k++) {
        const cap = k === last ? p.tail[s] : p.full[s];
        let e = (pi - p.linear[s] - mu[k] - nu) * r;
        e = e <= 0 ? 0 : e >= cap ? cap : e;
        const f = supply[k] > p.demand[k] ? p.demand[k] / supply[k] : 1;
        out[at + k] = e * f;
      }
    }
  }

  /**
   * The session's budget multiplier nu >= 0: 0 when its unconstrained allocation fits the budget, else
   * the root of S(nu) = budget, S piecewise linear and decreasing (Newton steps kept inside a bracket,
   * starting from the last pass's root).
   */
  private budgetMultiplier(s: number, mu: Float64Array, first: number, last: number, margin: number, r: number, full: number, tail: number, budget: number): number {
    if (full * (last - first) + tail <= budget) return 0;
    const previous = this.nu[s];
    let nu = 0;
    let lo = 0;
    let hi = Infinity;
    if (previous > 0) {
      this.supplyAt(previous, mu, first, last, margin, r, full, tail);
      if (this.total >= budget) nu = lo = previous;
      else hi = previous;
    }
    if (nu === 0) {
      this.supplyAt(0, mu, first, last, margin, r, full, tail);
      if (this.total <= budget) return (this.nu[s] = 0);
    }
    if (hi === Infinity) {
      hi = 0;
      for (let k = first; k <= last; k++) if (margin - mu[k] > hi) hi = margin - mu[k];
    }
    for (let step = 0; step < MAX_BUDGET_STEPS; step++) {
      const excess = this.total - budget;
      if (Math.abs(excess) <= 1e-13 * budget) break;
      if (excess > 0) lo = nu;
      else hi = nu;
      let next = this.free > 0 ? nu + excess / (this.free * r) : NaN;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (next === nu) break;
      nu = next;
      this.supplyAt(nu, mu, first, last, margin, r, full, tail);
    }
    return (this.nu[s] = nu);
  }

  /** S(nu), the session's total allocation at budget multiplier nu, into `total`, and how many entries are strictly inside their box, into `free`. */
  private supplyAt(nu: number, mu: Float64Array, first: number, last: number, margin: number, r: number, full: number, tail: number): void {
    let total = 0;
    let free = 0;
    for (let k = first; k <= last; k++) {
      const cap = k === last ? tail : full;
      const e = (margin - mu[k] - nu) * r;
      if (e <= 0) continue;
      if (e >= cap) total += cap;
      else {
        total += e;
        free++;
      }
    }
    this.total = total;
    this.free = free;
  }
}
