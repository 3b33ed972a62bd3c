// Checks Gan-Topcu-Low valley filling against the centralized optimum (minimum sum of squared total load,
// solved here by exact block-coordinate water-filling), flat load where EVs fill the valley, and every need met.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { fillValleys } from '../../../src/model/charging/valleyFilling.js';
import { chargeUncontrolled } from '../../../src/model/charging/uncontrolled.js';
import { chargingLoad, type ChargingProblem } from '../../../src/model/charging/problem.js';

const NIGHT_DIP = [300, 260, 220, 200, 190, 200, 240, 320, 380, 400, 390, 370];

function problemOf(baseKw: number[], windows: [number, number][], needs: number[], powerKw: number, hours = 1): ChargingProblem {
  const count = windows.length;
  const first = Int32Array.from(windows, ([a]) => a);
  const offset = new Int32Array(count + 1);
  windows.forEach(([a, b], j) => (offset[j + 1] = offset[j] + (b - a)));
  const upper = new Float64Array(offset[count]).fill(powerKw * hours);
  return { intervals: baseKw.length, hours, baseKw: Float64Array.from(baseKw), count, first, offset, upper, need: Float64Array.from(needs) };
}

function randomProblem(seed: string, count: number): ChargingProblem {
  const rng = seedrandom.tychei(seed);
  const windows: [number, number][] = [];
  const needs: number[] = [];
  for (let j = 0; j < count; j++) {
    const a = Math.floor(rng() * 8);
    const b = Math.min(NIGHT_DIP.length, a + 2 + Math.floor(rng() * 8));
    windows.push([a, b]);
    needs.push(rng() * 11 * (b - a));
  }
  return problemOf(NIGHT_DIP, windows, needs, 11);
}

/** The centralized optimum by Gauss-Seidel: each session in turn water-fills its need against everyone else's load. */
function centralizedOptimum(p: ChargingProblem, sweeps: number): Float64Array {
  const energy = chargeUncontrolled(p).energy;
  const load = chargingLoad(p, energy, new Float64Array(p.intervals));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let j = 0; j < p.count; j++) {
      const at = p.offset[j];
      const n = p.offset[j + 1] - at;
      const others = (t: number) => p.baseKw[p.first[j] + t] + load[p.first[j] + t] - energy[at + t] / p.hours;
      const fill = (level: number) => Array.from({ length: n }, (_, t) => Math.min(p.upper[at + t], Math.max(0, (level - others(t)) * p.hours)));
      let lo = 0, hi = 1e6;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (fill(mid).reduce((s, x) => s + x, 0) < p.need[j]) lo = mid;
        else hi = mid;
      }
      fill(hi).forEach((x, t) => {
        load[p.first[j] + t] += (x - energy[at + t]) / p.hours;
        energy[at + t] = x;
      });
    }
  }
  return energy;
}

/** Sum of squared total load less that of the base load alone: what charging adds to the objective. */
function addedSquares(p: ChargingProblem, energy: Float64Array): number {
  const load = chargingLoad(p, energy, new Float64Array(p.intervals));
  let sum = 0;
  for (let k = 0; k < p.intervals; k++) sum += (p.baseKw[k] + load[k]) ** 2 - p.baseKw[k] ** 2;
  return sum;
}

function delivered(p: ChargingProblem, energy: Float64Array, j: number): number {
  let sum = 0;
  for (let at = p.offset[j]; at < p.offset[j + 1]; at++) sum += energy[at];
  return sum;
}

describe('valley filling', () => {
  it.each(['a', 'b', 'c'])('matches the centralized optimum within 1 percent on random instance %s', (seed) => {
    const p = randomProblem(seed, 12);
    const protocol = fillValleys(p, { iterations: 200, tolerance: 1e-4 });
    const optimum = centralizedOptimum(p, 150);
    const got = addedSquares(p, protocol.energy);
    const best = addedSquares(p, optimum);
    expect(got).toBeGreaterThanOrEqual(best * (1 - 1e-6));
    expect((got - best) / best).toBeLessThan(0.01);
    const a = chargingLoad(p, protocol.energy, new Float64Array(p.intervals));
    const b = chargingLoad(p, optimum, new Float64Array(p.intervals));
    for (let k = 0; k < p.intervals; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(0.01 * Math.max(...NIGHT_DIP));
    expect(protocol.converged).toBe(true);
    expect(protocol.rounds).toBeGreaterThan(1);
  });

  it('makes the total load flat where the EVs can fill the valley', () => {
    const windows = Array.from({ length: 20 }, (): [number, number] => [1, 7]);
    const p = problemOf(NIGHT_DIP, windows, Array<number>(20).fill(30), 11);
    const { energy } = fillValleys(p, { iterations: 100, tolerance: 1e-5 });
    const load = chargingLoad(p, energy, new Float64Array(p.intervals));
    const total = Array.from({ length: 6 }, (_, t) => p.baseKw[1 + t] + load[1 + t]);
    // 600 kWh over hours 1..6 (base 1310 kWh, all below the level) lifts the valley to (1310 + 600) / 6 kW.
    for (const x of total) expect(x).toBeCloseTo(1910 / 6, 1);
    expect(load[0]).toBe(0);
    expect(load[8]).toBe(0);
  });

  it('meets every session\'s need exactly and within its bounds, under both policies', () => {
    const p = randomProblem('needs', 30);
    for (const { energy } of [fillValleys(p, { iterations: 5, tolerance: 1e-9 }), chargeUncontrolled(p)]) {
      for (let j = 0; j < p.count; j++) expect(delivered(p, energy, j)).toBeCloseTo(p.need[j], 6);
      for (let at = 0; at < energy.length; at++) {
        expect(energy[at]).toBeGreaterThanOrEqual(0);
        expect(energy[at]).toBeLessThanOrEqual(p.upper[at] + 1e-12);
      }
    }
  });

  it('charges uncontrolled sessions at full power from their first interval', () => {
    const p = problemOf(NIGHT_DIP, [[2, 6]], [25], 11);
    expect(Array.from(chargeUncontrolled(p).energy)).toEqual([11, 11, 3, 0]);
  });

  it('stops early once converged and reports the rounds run', () => {
    const p = randomProblem('rounds', 12);
    const loose = fillValleys(p, { iterations: 500, tolerance: 1e-2 });
    const tight = fillValleys(p, { iterations: 500, tolerance: 1e-6 });
    expect(loose.rounds).toBeLessThan(tight.rounds);
    expect(fillValleys(p, { iterations: 3, tolerance: 1e-12 })).toMatchObject({ rounds: 3, converged: false });
  });
});
