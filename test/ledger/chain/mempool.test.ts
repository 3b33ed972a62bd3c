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

  it('pops as a sorted list would, with pushes, re-pushes and pops interleaved past growth', () => {
    const pool = new Mempool(4);
    const reference = new Map<number, number>();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const rateOf = (tx: number) => [0, 0.25, 1, 3.5][tx % 4] * (1 + (tx % 7 === 0 ? 1 : 0));
    let next = 0;
    const popped: number[] = [];
    for (let step = 0; step < 6_000; step++) {
      if (random() < 0.6 || reference.size === 0) {
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
  });
});
