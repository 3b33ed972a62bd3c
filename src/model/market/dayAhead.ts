// The centralized day-ahead optimum of one grid agent: over every EV session's plug-in window, maximise
// sum_k pi_m E_k - sum c_s(e_sk) subject to 0 <= e_sk <= cap, sum_k e_sk <= budget_s and E_k <= D_k.
// Solved by dual decomposition: given interval multipliers mu_k each session is solved exactly, and mu
// by projected diagonal Newton steps on the dual's curvature at the current allocation, with phases of
// accelerated projected gradient in the diagonal metric that majorises the dual where they fail; it
// stops on a certified relative duality gap (dual value against a feasible primal made from the
// dual's allocation).

import { Sweep } from './dayAheadSweep.js';

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
  /**
   * `newton` (default): diagonal Newton steps with accelerated gradient phases where they fail;
   * `gradient`: accelerated projected gradient steps only (the solver before Newton steps; for comparison).
   */
  steps?: 'newton' | 'gradient';
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
/** An interval's own curvature below this share of the majorant's is none (the majorant's step is taken there). */
const NEWTON_MIN_CURVATURE = 1e-9;
/** Gradient steps after the first rejected Newton step (doubling after each further one). */
const FIRST_GRADIENT_PHASE = 4;
/** Newton steps that do not cut the duality gap tenfold within this many give way to gradient steps for good. */
const STALL = 8;

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

  // Diagonal Newton steps on the dual, each kept when the dual does not rise. After a rejected one, a
  // phase of accelerated projected gradient steps in the majorant's metric, twice as long after each
  // further rejection; Newton steps that stall (the gap not cut tenfold within STALL of them) give way to
  // gradient steps for good. Where Newton steps fail, the solver converges as the gradient steps do.
  let mu = new Float64Array(K);
  let trial = new Float64Array(K);
  /** At mu: E_k - D_k (the dual's gradient, negated) and the dual's Hessian diagonal. */
  const excess = new Float64Array(K);
  const own = new Float64Array(K);
  const best = new Float64Array(K);
  const accelerated = new AcceleratedGradient(K);
  let upper = Infinity;
  let lower = -Infinity;
  let iterations = 0;
  let current = 0;
  let newtonTrial = false;
  let gradientSteps = options.steps === 'gradient' ? Infinity : 0;
  let phase = FIRST_GRADIENT_PHASE;
  let stallGap = Infinity;
  let stall = 0;
  let point = mu;
  for (;;) {
    const { dual, primal } = sweep.evaluate(point, null);
    iterations++;
    if (dual < upper) upper = dual;
    if (primal > lower) {
      lower = primal;
      best.set(point);
    }
    const kept: boolean = !newtonTrial || dual <= current;
    if (kept) {
      if (point !== mu) [mu, trial] = [trial, mu];
      current = dual;
      for (let k = 0; k < K; k++) {
        excess[k] = sweep.supply[k] - p.demand[k];
        own[k] = sweep.freeCurvature[k];
      }
    }
    if (upper - lower <= tolerance * Math.abs(upper) || upper <= 0 || iterations >= maxIterations) break;
    if (newtonTrial && kept) {
      phase = FIRST_GRADIENT_PHASE;
      const gap = (upper - lower) / Math.abs(upper);
      if (gap <= stallGap / 10) {
        stallGap = gap;
        stall = 0;
      } else if (++stall >= STALL) {
        gradientSteps = Infinity;
        accelerated.restart(mu);
      }
    }
    newtonTrial = gradientSteps === 0 && kept;
    if (newtonTrial) newtonStep(mu, excess, own, curvature, trial);
    else {
      if (gradientSteps === 0) {
        gradientSteps = phase;
        phase *= 2;
        accelerated.restart(mu);
      }
      gradientSteps--;
      accelerated.step(mu, excess, curvature, trial);
    }
    point = trial;
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

/** Newton's step on the dual's diagonal where an interval has curvature of its own, the majorant's elsewhere; projected onto mu >= 0. */
function newtonStep(mu: Float64Array, excess: Float64Array, own: Float64Array, majorant: Float64Array, out: Float64Array): void {
  for (let k = 0; k < mu.length; k++) {
    const c = own[k] > NEWTON_MIN_CURVATURE * majorant[k] ? own[k] : majorant[k];
    const v = c > 0 ? mu[k] + excess[k] / c : mu[k];
    out[k] = v > 0 ? v : 0;
  }
}

/** Projected gradient steps in the majorant's metric, accelerated (FISTA) with gradient-based restart. */
class AcceleratedGradient {
  private x: Float64Array;
  private xNext: Float64Array;
  private t = 1;

  constructor(intervals: number) {
    this.x = new Float64Array(intervals);
    this.xNext = new Float64Array(intervals);
  }

  /** Starts again from mu, without momentum. */
  restart(mu: Float64Array): void {
    this.x.set(mu);
    this.t = 1;
  }

  /** The next point to evaluate, from y (the last point evaluated) and E_k - D_k there. */
  step(y: Float64Array, excess: Float64Array, majorant: Float64Array, out: Float64Array): void {
    const { x, xNext } = this;
    let restart = 0;
    for (let k = 0; k < y.length; k++) {
      const v = majorant[k] > 0 ? y[k] + excess[k] / majorant[k] : y[k];
      xNext[k] = v > 0 ? v : 0;
      restart += (y[k] - xNext[k]) * (xNext[k] - x[k]);
    }
    if (restart > 0) this.t = 1;
    const tNext = 0.5 * (1 + Math.sqrt(1 + 4 * this.t * this.t));
    const momentum = (this.t - 1) / tNext;
    for (let k = 0; k < y.length; k++) {
      const v = xNext[k] + momentum * (xNext[k] - x[k]);
      out[k] = v > 0 ? v : 0;
    }
    this.t = tNext;
    [this.x, this.xNext] = [xNext, x];
  }
}
