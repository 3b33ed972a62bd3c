// Checks the typed-array pair sort against Array.prototype.sort, with many equal keys.

import { expect, it } from 'vitest';
import { RngStreams } from '../../../src/engine/rng.js';
import { sortPairs } from '../../../src/model/market/sortPairs.js';

it('sorts keys ascending and carries ids along', () => {
  const rng = new RngStreams(3).stream('keys');
  for (const n of [0, 1, 2, 15, 16, 17, 100, 5000]) {
    const keys = new Float64Array(n + 3);
    const ids = new Int32Array(n + 3);
    for (let i = 0; i < n; i++) {
      keys[i] = rng() < 0.3 ? 0.5 : Math.floor(rng() * 50) / 7;
      ids[i] = i;
    }
    const original = Float64Array.from(keys);
    sortPairs(keys, ids, n);
    const expected = Array.from(original.subarray(0, n)).sort((x, y) => x - y);
    expect(Array.from(keys.subarray(0, n))).toEqual(expected);
    for (let i = 0; i < n; i++) expect(original[ids[i]]).toBe(keys[i]);
    expect(new Set(ids.subarray(0, n)).size).toBe(n);
  }
});
