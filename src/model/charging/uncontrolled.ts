// Uncontrolled charging: every session charges at its full bound from its first interval until its need is met.

import { chargingLoad, type ChargingProblem, type ChargingSolution } from './problem.js';

export function chargeUncontrolled(problem: ChargingProblem): ChargingSolution {
  const energy = new Float64Array(problem.upper.length);
  for (let j = 0; j < problem.count; j++) {
    const at = problem.offset[j];
    chargeFromStart(problem.need[j], problem.offset[j + 1] - at, (t) => problem.upper[at + t], (t, kWh) => (energy[at + t] = kWh));
  }
  return { energy, chargingKw: chargingLoad(problem, energy, new Float64Array(problem.intervals)), rounds: 0, converged: true };
}

/**
 * One session of n intervals charged from its start at bound(t) kWh until `need` is met: charge(t, kWh) for each
 * interval it charges in; returns how many it charges in (later intervals take nothing).
 */
export function chargeFromStart(need: number, n: number, bound: (t: number) => number, charge: (t: number, kWh: number) => void): number {
  let left = need;
  let t = 0;
  for (; t < n && left > 0; t++) {
    const kWh = Math.min(bound(t), left);
    charge(t, kWh);
    left -= kWh;
  }
  return t;
}
