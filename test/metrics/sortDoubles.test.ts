// The latencies' radix sort: the same order, bit for bit, as Float64Array.prototype.sort, on large arrays of
// non-negative doubles (ties, zeros, denormals, huge values) and on arrays it hands to that sort.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { sortDoubles } from '../../src/metrics/sortDoubles.js';

function draw(n: number, seed: string, negative = false): Float64Array {
  const rng = seedrandom(seed);
  const special = [0, Number.MIN_VALUE, 1e-300, 1, 1, 2.5, 1e300, Number.MAX_VALUE, Number.POSITIVE_INFINITY];
  return Float64Array.from({ length: n }, () => {
    const r = rng();
    if (r < 0.05) return special[Math.floor(rng() * special.length)];
    if (r < 0.3) return Math.floor(rng() * 50) / 4;
    return (negative && rng() < 0.1 ? -1 : 1) * rng() * 10 ** Math.floor(rng() * 12 - 6);
  });
}

describe('sortDoubles', () => {
  it('sorts 200,000 non-negative doubles exactly as the typed array sort does, in the same array', () => {
    const values = draw(200_000, 'latencies');
    const expected = values.slice().sort();
    const sorted = sortDoubles(values);
    expect(sorted).toBe(values);
    expect(Buffer.from(sorted.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
  });

  it('sorts a subarray in place, leaving the rest of its buffer alone', () => {
    const whole = draw(150_000, 'subarray');
    const before = whole.slice();
    const part = whole.subarray(1000, 141_000);
    const expected = part.slice().sort();
    sortDoubles(part);
    expect(Array.from(part)).toEqual(Array.from(expected));
    expect(Array.from(whole.subarray(0, 1000))).toEqual(Array.from(before.subarray(0, 1000)));
    expect(Array.from(whole.subarray(141_000))).toEqual(Array.from(before.subarray(141_000)));
  });

  it('gives arrays with negative values, -0 or NaN, and small ones, to the typed array sort', () => {
    for (const values of [draw(100_000, 'negatives', true), Float64Array.from([...draw(70_000, 'nan'), Number.NaN, -0]), draw(500, 'small')]) {
      const expected = values.slice().sort();
      expect(Array.from(sortDoubles(values))).toEqual(Array.from(expected));
    }
  });
});
