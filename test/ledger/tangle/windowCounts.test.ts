// The tangle credit's counts by issuer (windowCounts.ts): the same counts as a plain map through any order of
// additions and removals, as the table grows and as freed slots pull back the keys probed past them.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { WindowCounts } from '../../../src/ledger/tangle/windowCounts.js';

describe('window counts', () => {
  it('reads 0 for a key never added, and for one whose count came back to 0', () => {
    const counts = new WindowCounts();
    expect(counts.get(0)).toBe(0);
    expect(counts.get(1_000_000)).toBe(0);
    counts.add(7, 2);
    counts.add(7, -2);
    expect([counts.get(7), counts.size]).toEqual([0, 0]);
    counts.add(9, 0);
    expect(counts.size).toBe(0);
  });

  it('agrees with a map through a sliding window of random issuers, the table growing and shrinking its use', () => {
    const rng = seedrandom('window-counts');
    const counts = new WindowCounts();
    const reference = new Map<number, number>();
    const window: number[] = [];
    let largest = 0;
    for (let step = 0; step < 60_000; step++) {
      // The window widens, then narrows: keys come and go in every part of the table.
      const width = step < 30_000 ? 3000 : 200;
      // Few distinct issuers at first (many repeats), a million later (mostly one entry each).
      const issuer = Math.floor(rng() * (step < 10_000 ? 500 : 1_000_000));
      window.push(issuer);
      counts.add(issuer, 1);
      reference.set(issuer, (reference.get(issuer) ?? 0) + 1);
      while (window.length > width) {
        const gone = window.shift()!;
        counts.add(gone, -1);
        const left = reference.get(gone)! - 1;
        if (left === 0) reference.delete(gone);
        else reference.set(gone, left);
      }
      largest = Math.max(largest, counts.size);
      if (step % 997 === 0) {
        for (const [key, count] of reference) expect(counts.get(key)).toBe(count);
        expect(counts.size).toBe(reference.size);
      }
    }
    for (const [key, count] of reference) expect(counts.get(key)).toBe(count);
    for (let key = 0; key < 5000; key++) expect(counts.get(key)).toBe(reference.get(key) ?? 0);
    expect(largest).toBeGreaterThan(2000);
  });

  it('keeps every key reachable when keys of one probe run, wrapping past the table\'s end, are freed in any order', () => {
    // Keys whose home is one of the last two slots of the least table (64 slots, Fibonacci hashing on the top
    // 6 bits, as windowCounts.ts hashes). First a few keys at home in slots 0-3, then 24 whose home is slot 62 or
    // 63: they fill 62, 63 and wrap past the first ones. A freed slot before the end must not pull back a key
    // whose home lies after it, across the wrap.
    const home = (key: number) => Math.imul(key, 0x9e3779b1) >>> 26;
    const keys: number[] = [];
    for (let key = 0; keys.length < 6; key++) if (home(key) <= 3) keys.push(key);
    for (let key = 0; keys.length < 30; key++) if (home(key) >= 62) keys.push(key);
    const counts = new WindowCounts();
    keys.forEach((key, i) => counts.add(key, i + 1));
    const rng = seedrandom('free-order');
    const order = [...keys].sort(() => rng() - 0.5);
    const held = new Set(keys);
    for (const key of order) {
      counts.add(key, -(keys.indexOf(key) + 1));
      held.delete(key);
      for (const other of keys) expect(counts.get(other)).toBe(held.has(other) ? keys.indexOf(other) + 1 : 0);
      expect(counts.size).toBe(held.size);
    }
  });
});
