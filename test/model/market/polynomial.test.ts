// Checks the interval root finder on cubics with known roots.

import { expect, it } from 'vitest';
import { cubicRootsIn } from '../../../src/model/market/polynomial.js';

it('finds the roots of (x - 1)(x - 2)(x - 3) inside an interval', () => {
  const out = new Float64Array(4);
  // x^3 - 6x^2 + 11x - 6
  expect(cubicRootsIn(1, -6, 11, -6, 0, 10, out)).toBe(3);
  expect(Array.from(out.subarray(0, 3)).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 2, 3]);
  expect(cubicRootsIn(1, -6, 11, -6, 1.5, 2.5, out)).toBe(1);
  expect(out[0]).toBeCloseTo(2, 12);
});

it('handles quadratics, lines and roots at the ends', () => {
  const out = new Float64Array(4);
  expect(cubicRootsIn(0, 1, 0, -4, -3, 3, out)).toBe(2);
  expect(out[0]).toBeCloseTo(-2, 12);
  expect(out[1]).toBeCloseTo(2, 12);
  expect(cubicRootsIn(0, 0, 2, -1, 0, 1, out)).toBe(1);
  expect(out[0]).toBeCloseTo(0.5, 12);
  expect(cubicRootsIn(0, 0, 1, 0, 0, 1, out)).toBe(1);
  expect(out[0]).toBe(0);
  expect(cubicRootsIn(1, 0, 1, 5, 0, 1, out)).toBe(0);
});
