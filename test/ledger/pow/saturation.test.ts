// pow at Bitcoin-like settings (600 s, 1 MB blocks, 250-byte transactions) under a load well above
// capacity: throughput saturates near 1 MB / 250 B / 600 s ~ 6.7 tx/s, blocks are full, the mempool grows.

import { describe, expect, it } from 'vitest';
import { createPowLedger, type PowLedger } from '../../../src/ledger/pow/index.js';
import { powSchema } from '../../../src/ledger/pow/schema.js';
import type { Ledger } from '../../../src/ledger/ledger.js';
import { runLedger } from '../chain/runLedger.js';

const DURATION = 2 * 86_400;
const RATE = 9;

describe('pow saturation', () => {
  it('saturates near 7 tx/s with full blocks and a growing mempool', () => {
    const config = powSchema.parse({ kind: 'pow' });
    const mempool: number[] = [];
    const { ledger, txLog } = runLedger((ctx) => createPowLedger(config, ctx), {
      duration: DURATION, rate: RATE, network: { nodes: 20 },
      sampleEvery: 6 * 3600, sample: (l: Ledger) => mempool.push(l.gauges().mempool!),
    });
    const perBlock = Math.floor((config.blockSize - config.headerBytes) / 250);
    const capacity = perBlock / config.blockInterval;
    const { store, mainChain } = (ledger as PowLedger).chain.inspect();
    // Once the backlog exceeds one block (after the first block or two), every main-chain block is full.
    for (let h = 3; h < mainChain.length; h++) expect(store.txCount[mainChain[h]]).toBe(perBlock);
    // Throughput: blocks found in 2 days are Poisson with mean 288 (sd 5.9%); 3 sd plus the 5 blocks
    // still below confirmation depth at the end (1.7%) gives 20%.
    const throughput = txLog.confirmations / DURATION;
    expect(Math.abs(throughput / capacity - 1)).toBeLessThan(0.2);
    // The backlog grows at about RATE - capacity; it must rise from one sample to the next (each 6 h
    // adds ~50,000 transactions, far above the ~4,000 of one block's luck) and end near that slope.
    for (let i = 1; i < mempool.length; i++) expect(mempool[i]).toBeGreaterThan(mempool[i - 1]);
    const slope = mempool[mempool.length - 1] / DURATION;
    expect(Math.abs(slope / (RATE - capacity) - 1)).toBeLessThan(0.5);
  });
});
