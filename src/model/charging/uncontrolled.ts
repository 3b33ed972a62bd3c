// Uncontrolled charging: every session charges at its full bound from its first interval until its need is met.

import { chargingLoad, type ChargingProblem, type ChargingSolution } from './problem.js';

export function chargeUncontrolled(problem: ChargingProblem): ChargingSolution {
  const energy = new Float64Array(problem.upper.length);
  for (let j = 0; j < problem.count; j++) {
    let left = problem.need[j];
    for (let at = problem.offset[j]; at < problem.offset[j + 1] && left > 0; at++) {
      energy[at] = Math.min(problem.upper[at], left);
      left -= energy[at];
    }
  }
  return { energy, chargingKw: chargingLoad(problem, energy, new Float64Array(problem.intervals)), rounds: 0, converged: true };
}
