// The fee-rate mempool: highest fee rate first, equal fee rates in submission (id) order, one entry per id.

import { describe, expect, it } from 'vitest';
import { Mempool } from '../../../src/ledger/chain/mempool.js';

describe('Mempool', () => {
  it('pops by fee rate, then by id', () => {
    const pool = new Mempool();
    const rates = [1, 3, 2, 3, 1, 5, 2];
    pool.reserve(rates.length);
    rates.forEach((r, tx) => (pool.feeRate[tx] = r));
    [6, 0, 3, 5, 1, 4, 2].forEach((tx) => pool.push(tx));
    pool.push(3);
    const order: number[] = [];
    for (let tx = pool.pop(); tx >= 0; tx = pool.pop()) order.push(tx);
    expect(order).toEqual([5, 1, 3, 2, 6, 0, 4]);
  });

  it('is FIFO under uniform fee rates, across growth', () => {
    const pool = new Mempool();
    const n = 5000;
    pool.reserve(n);
    for (let tx = n - 1; tx >= 0; tx--) {
      pool.feeRate[tx] = 0.5;
      pool.push(tx);
    }
    let previous = -1, sorted = true;
    for (let tx = pool.pop(); tx >= 0; tx = pool.pop()) {
      if (tx !== previous + 1) sorted = false;
      previous = tx;
    }
    expect(sorted).toBe(true);
    expect(previous).toBe(n - 1);
  });
});
