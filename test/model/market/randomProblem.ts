// A random day-ahead problem for tests: sessions with random windows, costs, budgets and charger energies.

import seedrandom from 'seedrandom';
import type { DayAheadProblem } from '../../../src/model/market/dayAhead.js';

export function randomProblem(seed: string, count: number, intervals: number): DayAheadProblem {
  const rng = seedrandom.tychei(seed);
  const first = new Int32Array(count), end = new Int32Array(count);
  const quadratic = new Float64Array(count), linear = new Float64Array(count), budget = new Float64Array(count);
  const full = new Float64Array(count), tail = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    first[s] = Math.floor(rng() * intervals);
    end[s] = Math.min(intervals, first[s] + 1 + Math.floor(rng() * intervals));
    quadratic[s] = 0.02 + 0.04 * rng();
    linear[s] = 0.05 * rng();
    budget[s] = rng() < 0.1 ? 0 : 12 * rng();
    full[s] = 1 + 3 * rng();
    tail[s] = full[s] * rng();
  }
  const demand = Float64Array.from({ length: intervals }, () => (rng() < 0.2 ? 0 : rng() * count));
  return { intervals, demand, peakerPrice: 0.2 + 0.2 * rng(), count, quadratic, linear, budget, first, end, full, tail };
}
