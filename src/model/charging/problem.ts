// One grid agent's charging problem over the horizon: its base load per market interval and the
// charging sessions at it (window, per-interval energy bounds, energy to deliver), and a solution's shape.

export interface ChargingProblem {
  /** Market intervals of the horizon and their length in hours. */
  intervals: number;
  hours: number;
  /** The agent's base load (kW) in each interval. */
  baseKw: Float64Array;
  count: number;
  /** Session j may charge in intervals first[j] .. first[j] + offset[j + 1] - offset[j] - 1. */
  first: Int32Array;
  offset: Int32Array;
  /** kWh session j can take in each interval of its window (charger power times the plugged-in time), flat at offset[j]; under uncontrolled charging a ChargingPlan leaves it empty, and empties it once valley filling has solved it (it keeps each session's full and last bound). */
  upper: Float64Array;
  /** kWh session j must take over its window (at most the sum of its bounds). */
  need: Float64Array;
}

export interface ChargingSolution {
  /** kWh each session takes in each interval of its window, flat like `upper`. */
  energy: Float64Array;
  /** The agent's total charging load (kW) in each interval. */
  chargingKw: Float64Array;
  /** Protocol rounds run, and whether the last met the convergence criterion (uncontrolled: 0, true). */
  rounds: number;
  converged: boolean;
}

/** Sums a solution's per-session energy into the agent's charging load per interval (kW). */
export function chargingLoad(problem: ChargingProblem, energy: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let j = 0; j < problem.count; j++) {
    const at = problem.offset[j];
    for (let t = 0, n = problem.offset[j + 1] - at; t < n; t++) out[problem.first[j] + t] += energy[at + t] / problem.hours;
  }
  return out;
}
