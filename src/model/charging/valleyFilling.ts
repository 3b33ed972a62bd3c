// Gan, Topcu and Low's decentralized valley-filling protocol (IEEE Trans. Power Systems, 2013) for one grid
// agent: the agent broadcasts the signal p_t = base load + aggregate charging (kW); each EV replies with
// argmin over its charging set of sum_t p_t e_t + (beta / 2) (e_t - e_t^prev)^2, i.e. the projection of
// e^prev - p / beta; repeated until the aggregate stops moving. It converges to the minimiser of
// sum_t (base_t + charging_t)^2, which fills the valleys of the base load (docs/charging.md).

import { chargingLoad, type ChargingProblem, type ChargingSolution } from './problem.js';
import { projectCapped } from './projection.js';

export interface ValleyFillingOptions {
  /** Most rounds. */
  iterations: number;
  /** Stop once no interval's aggregate charging load moves by more than tolerance x the peak base load (kW). */
  tolerance: number;
}

/**
 * beta = L, the Lipschitz constant of the objective's gradient in the profiles: (most sessions plugged in
 * at once) / hours, so every round is a projected-gradient step of length 1 / L on the whole fleet
 * (Gan et al.'s condition for convergence is beta > N / 2 with N EVs; sessions that never overlap do not add up).
 */
export function protocolBeta(problem: ChargingProblem): number {
  const active = new Int32Array(problem.intervals + 1);
  for (let j = 0; j < problem.count; j++) {
    active[problem.first[j]]++;
    active[problem.first[j] + problem.offset[j + 1] - problem.offset[j]]--;
  }
  let most = 0;
  for (let k = 0, now = 0; k < problem.intervals; k++) most = Math.max(most, (now += active[k]));
  return Math.max(1, most) / problem.hours;
}

export function fillValleys(problem: ChargingProblem, options: ValleyFillingOptions): ChargingSolution {
  const { intervals, baseKw, count, first, offset, upper, need } = problem;
  const energy = new Float64Array(upper.length);
  const target = new Float64Array(upper.length);
  const multiplier = new Float64Array(count);
  const signal = new Float64Array(intervals);
  let load = new Float64Array(intervals);
  let next = new Float64Array(intervals);
  const step = 1 / protocolBeta(problem);
  let peak = 0;
  for (let k = 0; k < intervals; k++) peak = Math.max(peak, baseKw[k]);
  const threshold = options.tolerance * Math.max(peak, 1e-9);
  let rounds = 0;
  let converged = false;
  while (rounds < options.iterations && !converged) {
    rounds++;
    for (let k = 0; k < intervals; k++) signal[k] = baseKw[k] + load[k];
    for (let j = 0; j < count; j++) {
      const at = offset[j];
      const n = offset[j + 1] - at;
      for (let t = 0; t < n; t++) target[at + t] = energy[at + t] - step * signal[first[j] + t];
      multiplier[j] = projectCapped(target, upper, at, n, need[j], energy, multiplier[j]);
    }
    chargingLoad(problem, energy, next);
    let moved = 0;
    for (let k = 0; k < intervals; k++) moved = Math.max(moved, Math.abs(next[k] - load[k]));
    [load, next] = [next, load];
    converged = rounds > 1 && moved <= threshold;
  }
  return { energy, chargingKw: load, rounds, converged };
}
