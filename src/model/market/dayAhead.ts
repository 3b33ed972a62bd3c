// The centralized day-ahead optimum of one grid agent: over every EV session's plug-in window, maximise
// sum_k pi_m E_k - sum c_s(e_sk) subject to 0 <= e_sk <= cap, sum_k e_sk <= budget_s and E_k <= D_k.
// Solved by dual decomposition: given interval multipliers mu_k each session is solved exactly, and mu
// by accelerated projected gradient in the diagonal metric that majorises the dual; it stops on a
// certified relative duality gap (dual value against a feasible primal made from the dual's allocation).

/** One agent's day-ahead problem. Sessions index s = 0..count-1; intervals k = 0..intervals-1. */
export interface DayAheadProblem {
  /** Number of market intervals K. */
  intervals: number;
  /** The deficit D_k (kWh) of each interval. */
  demand: ArrayLike<number>;
  /** pi_m: what the agent pays per kWh it does not get from EVs. */
  peakerPrice: number;
  /** Sessions taking part. */
  count: number;
  /** Quadratic cost coefficient alpha_s > 0 per kWh^2 in one interval: c_s(e) = alpha_s e^2 + b_s e. */
  quadratic: ArrayLike<number>;
  /** Linear cost coefficient b_s per kWh. */
  linear: ArrayLike<number>;
  /** kWh the session may deliver over its whole window (state of charge above the reserve times efficiency). */
  budget: ArrayLike<number>;
  /** First interval of the session's window and one past its last. */
  first: ArrayLike<number>;
  end: ArrayLike<number>;
  /** kWh the charger delivers in a full interval, and in the window's last interval (it may leave during it). */
  full: ArrayLike<number>;
  tail: ArrayLike<number>;
}

export interface DayAheadSolution {
  /** e_sk for session s at interval first[s] + j, at offset[s] + j. */
  energy: Float64Array;
  offset: Int32Array;
  /** E_k, the interval's welfare pi_m E_k - sum c_s, and the shadow price lambda_k = max(0, pi_m - mu_k). */
  intervalEnergy: Float64Array;
  intervalWelfare: Float64Array;
  shadowPrice: Float64Array;
  /** Welfare of the returned (feasible) allocation, the dual bound, and their relative gap. */
  welfare: number;
  dualBound: number;
  gap: number;
  iterations: number;
}

export interface DayAheadOptions {
  /** Stop once (dual bound - welfare) / dual bound is at most this (default 1e-9). */
  tolerance?: number;
  maxIterations?: number;
  /** How bad-input messages name session s (default "session s"). */
  name?: (s: number) => string;
}

/** A problem the optimum cannot be computed for: one line per offending session. */
export class DayAheadInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const DEFAULT_TOLERANCE = 1e-9;
const DEFAULT_MAX_ITERATIONS = 50000;
const MAX_BUDGET_STEPS = 100;

/** Rejects sessions whose data would make the optimum undefined, naming each. */
export function checkDayAhead(p: DayAheadProblem, name: (s: number) => string = (s) => `session ${s}`): void {
  const problems: string[] = [];
  for (let s = 0; s < p.count; s++) {
    const what = name(s);
    if (!(p.quadratic[s] > 0 && Number.isFinite(p.quadratic[s]))) problems.push(`${what}: expected a positive finite quadratic cost, got ${p.quadratic[s]}`);
    if (!Number.isFinite(p.linear[s])) problems.push(`${what}: expected a finite linear cost, got ${p.linear[s]}`);
    if (!(p.budget[s] >= 0 && Number.isFinite(p.budget[s]))) problems.push(`${what}: its reserve is above its charge at arrival by ${-p.budget[s]} kWh, which discharging cannot meet (expected a budget >= 0 kWh)`);
    if (!(p.full[s] >= 0 && p.tail[s] >= 0 && Number.isFinite(p.full[s] + p.tail[s]))) problems.push(`${what}: expected non-negative charger energies, got ${p.full[s]} and ${p.tail[s]}`);
    if (!(Number.isInteger(p.first[s]) && Number.isInteger(p.end[s]) && p.first[s] >= 0 && p.end[s] <= p.intervals && p.first[s] < p.end[s])) problems.push(`${what}: expected a window within 0..${p.intervals} intervals, got ${p.first[s]}..${p.end[s]}`);
  }
  for (let k = 0; k < p.intervals; k++) if (!(p.demand[k] >= 0 && Number.isFinite(p.demand[k]))) problems.push(`interval ${k}: expected a non-negative deficit, got ${p.demand[k]}`);
  if (!(p.peakerPrice >= 0 && Number.isFinite(p.peakerPrice))) problems.push(`expected a non-negative peaker price, got ${p.peakerPrice}`);
  if (problems.length) throw new DayAheadInputError(problems);
}

export function solveDayAhead(p: DayAheadProblem, options: DayAheadOptions = {}): DayAheadSolution {
  checkDayAhead(p, options.name);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const K = p.intervals;
  const offset = new Int32Array(p.count + 1);
  for (let s = 0; s < p.count; s++) offset[s + 1] = offset[s] + (p.end[s] - p.first[s]);
  const sweep = new Sweep(p, offset);

  // Diagonal majorant of the dual's Hessian: every session that can sell adds 1/(2 alpha) to its intervals.
  const curvature = new Float64Array(K);
  for (let s = 0; s < p.count; s++) {
    if (!(p.budget[s] > 0)) continue;
    const r = 0.5 / p.quadratic[s];
    for (let k = p.first[s]; k < p.end[s]; k++) curvature[k] += r;
  }

  let x = new Float64Array(K);
  let xNext = new Float64Array(K);
  const y = new Float64Array(K);
  const best = new Float64Array(K);
  let t = 1;
  let upper = Infinity;
  let lower = -Infinity;
  let iterations = 0;
  for (;;) {
    const { dual, primal } = sweep.evaluate(y, null);
    iterations++;
    if (dual < upper) upper = dual;
    if (primal > lower) {
      lower = primal;
      best.set(y);
    }
    if (upper - lower <= tolerance * Math.abs(upper) || upper <= 0 || iterations >= maxIterations) break;
    let restart = 0;
    for (let k = 0; k < K; k++) {
      const step = curvature[k] > 0 ? (sweep.supply[k] - p.demand[k]) / curvature[k] : 0;
      const v = y[k] + step;
      xNext[k] = v > 0 ? v : 0;
      restart += (y[k] - xNext[k]) * (xNext[k] - x[k]);
    }
    if (restart > 0) t = 1;
    const tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
    const momentum = (t - 1) / tNext;
    for (let k = 0; k < K; k++) {
      const v = xNext[k] + momentum * (xNext[k] - x[k]);
      y[k] = v > 0 ? v : 0;
    }
    t = tNext;
    [x, xNext] = [xNext, x];
  }

  const energy = new Float64Array(offset[p.count]);
  const { primal } = sweep.evaluate(best, energy);
  const shadowPrice = new Float64Array(K);
  // Where no EV should sell (mu_k above pi_m, e.g. a zero deficit) any price up to the cheapest seller's cost
  // decentralises the optimum; costs are non-negative, so 0 does.
  for (let k = 0; k < K; k++) shadowPrice[k] = Math.max(0, p.peakerPrice - best[k]);
  return {
    energy, offset,
    intervalEnergy: sweep.scaledSupply, intervalWelfare: sweep.intervalWelfare, shadowPrice,
    welfare: primal, dualBound: upper, gap: upper > 0 ? Math.max(0, (upper - primal) / upper) : 0, iterations,
  };
}

/** One pass over every session at given multipliers: its best allocation, the dual value and a feasible primal. */
class Sweep {
  /** E_k of the sessions' best responses, then the sums of their costs alpha e^2 and b e per interval. */
  readonly supply: Float64Array;
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
    this.squares = new Float64Array(K);
    this.linearCost = new Float64Array(K);
    this.scaledSupply = new Float64Array(K);
    this.intervalWelfare = new Float64Array(K);
    this.nu = new Float64Array(p.count);
  }

  /** Allocation at multipliers mu (written, scaled to be feasible, to `out` when given); the dual value and the primal welfare. */
  evaluate(mu: Float64Array, out: Float64Array | null): { dual: number; primal: number } {
    const { p, supply, squares, linearCost } = this;
    const K = p.intervals;
    const pi = p.peakerPrice;
    supply.fill(0);
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
      for (let k = first; k <= last; k++) {
        const cap = k === last ? tail : full;
        let e = (pi - b - mu[k] - nu) * r;
        e = e <= 0 ? 0 : e >= cap ? cap : e;
        if (e === 0) continue;
        supply[k] += e;
        squares[k] += alpha * e * e;
        linearCost[k] += b * e;
      }
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
