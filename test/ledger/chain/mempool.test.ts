// The fee-rate mempool: highest fee rate first, equal fee rates in submission (id) order, one entry per id.

import { describe, expect, it } from 'vitest';
import { Mempool } from '../../../src/ledger/chain/mempool.js';

describe('Mempool', () => {
  it('pops by fee rate, then by id', () => {
    const pool = new Mempool();
    const rates = [1, 3, 2, 3, 1, 5, 2];
    pool.reserve(rates.length);
    [6, 0, 3, 5, 1, 4, 2].forEach((tx) => pool.push(tx, rates[tx]));
    pool.push(3, rates[3]);
    const order: number[] = [];
    for (let tx = pool.pop(); tx >= 0; tx = pool.pop()) order.push(tx);
    expect(order).toEqual([5, 1, 3, 2, 6, 0, 4]);
  });

  it('is FIFO under uniform fee rates, across growth', () => {
    const pool = new Mempool();
    const n = 5000;
    pool.reserve(n);
    for (let tx = n - 1; tx >= 0; tx--) pool.push(tx, 0.5);
    let previous = -1, sorted = true;
    for (let tx = pool.pop(); tx >= 0; tx = pool.pop()) {
      if (tx !== previous + 1) sorted = false;
      previous = tx;
    }
    expect(sorted).toBe(true);
    expect(previous).toBe(n - 1);
  });

  // Rates: mixed (most pushes go to the heap), or flat per byte with a few others (most wait in the queue).
  const rateCases: [string, (tx: number) => number][] = [
    ['mixed fee rates', (tx) => [0, 0.25, 1, 3.5][tx % 4] * (1 + (tx % 7 === 0 ? 1 : 0))],
    ['one fee rate but a few', (tx) => (tx % 97 === 0 ? 2 : tx % 89 === 0 ? 0.1 : 0.5)],
  ];
  it.each(rateCases)('pops as a sorted list would, with pushes, re-pushes and pops interleaved past growth (%s)', (_, rateOf) => {
    const pool = new Mempool(4);
    const reference = new Map<number, number>();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let next = 0;
    const popped: number[] = [];
    for (let step = 0; step < 8_000; step++) {
      // Bursts of pushes and of pops, so that the queue both grows past its first 1,024 entries and wraps.
      const pushing = Math.floor(step / 1500) % 2 === 0 ? random() < 0.8 : random() < 0.35;
      if (pushing || reference.size === 0) {
        // A new transaction, or one popped earlier coming back (its id and rate unchanged).
        const tx = popped.length > 0 && random() < 0.2 ? popped.splice(Math.floor(random() * popped.length), 1)[0] : next++;
        pool.reserve(tx + 1);
        pool.push(tx, rateOf(tx));
        pool.push(tx, rateOf(tx));
        reference.set(tx, rateOf(tx));
      } else {
        const best = [...reference].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
        expect(pool.pop()).toBe(best[0]);
        reference.delete(best[0]);
        popped.push(best[0]);
      }
      expect(pool.size).toBe(reference.size);
    }
    while (reference.size > 0) {
      const best = [...reference].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
      expect(pool.pop()).toBe(best[0]);
      reference.delete(best[0]);
    }
    expect(pool.pop()).toBe(-1);
  });
});
