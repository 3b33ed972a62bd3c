// pow bookkeeping under frequent forks: confirmed transactions are on the main chain at the end, deep enough,
// exactly once; transactions of stale blocks go back to the mempool; runs are deterministic.

import { describe, expect, it } from 'vitest';
import { createPowLedger, type PowLedger } from '../../../src/ledger/pow/index.js';
import { powSchema } from '../../../src/ledger/pow/schema.js';
import { runLedger } from '../chain/runLedger.js';

const config = powSchema.parse({ kind: 'pow', blockInterval: 10, blockSize: 80 + 40 * 250, miners: 10, confirmations: 6 });
// Ordinary nodes only (no backbone) and 1 s hops (three legs of 1/3 s), so forks are frequent.
const options = { duration: 20_000, rate: 3, network: { nodes: 30, degree: 3, latency: 1 / 3, backbone: { degree: 0 } } };

function run(seed: number) {
  return runLedger((ctx) => createPowLedger(config, ctx), { ...options, seed });
}

describe('pow chain bookkeeping', () => {
  const { ledger, txLog, report } = run(7);
  const chain = (ledger as PowLedger).chain;
  const { store, mainChain, mainBlockOf } = chain.inspect();

  it('has forks in this setting', () => {
    expect(report.staleRate!).toBeGreaterThan(0.05);
  });

  it('confirms only transactions that end on the main chain at least k deep, each in one block', () => {
    const seen = new Int32Array(txLog.count);
    for (const b of mainChain) for (let i = store.txStart[b]; i < store.txStart[b] + store.txCount[b]; i++) seen[store.txIds[i]]++;
    const top = mainChain.length - 1;
    let confirmed = 0, twice = 0, offMain = 0, shallow = 0;
    for (let tx = 0; tx < txLog.count; tx++) {
      if (seen[tx] > 1) twice++;
      if (!txLog.isConfirmed(tx)) continue;
      confirmed++;
      const b = mainBlockOf[tx];
      if (b <= 0 || seen[tx] !== 1) offMain++;
      else if (top - store.height[b] + 1 < config.confirmations) shallow++;
    }
    expect({ twice, offMain, shallow }).toEqual({ twice: 0, offMain: 0, shallow: 0 });
    expect(confirmed).toBe(txLog.confirmations);
    expect(confirmed).toBeGreaterThan(0.9 * txLog.count);
  });

  it('returns the transactions of stale blocks to the mempool', () => {
    const onMain = new Uint8Array(store.count);
    for (const b of mainChain) onMain[b] = 1;
    let staleTxs = 0, staleTxsNowOnMain = 0;
    for (let b = 1; b < store.count; b++) {
      if (onMain[b]) continue;
      for (let i = store.txStart[b]; i < store.txStart[b] + store.txCount[b]; i++) {
        staleTxs++;
        if (mainBlockOf[store.txIds[i]] >= 0) staleTxsNowOnMain++;
      }
    }
    expect(staleTxs).toBeGreaterThan(100);
    // All but those submitted in the last few blocks made it into a main-chain block later.
    expect(staleTxsNowOnMain).toBeGreaterThan(0.98 * staleTxs);
    // Every transaction not on the main chain is back in the mempool (has a heap entry).
    let pending = 0, lost = 0;
    for (let tx = 0; tx < txLog.count; tx++) {
      if (mainBlockOf[tx] >= 0) continue;
      pending++;
      if (!chain.mempool.inHeap[tx]) lost++;
    }
    expect(lost).toBe(0);
    expect(chain.pending).toBe(pending);
    expect(ledger.gauges().mempool).toBe(pending);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = run(7);
    expect(again.report).toEqual(report);
    expect(Array.from(again.txLog.confirmedAt.subarray(0, txLog.count))).toEqual(Array.from(txLog.confirmedAt.subarray(0, txLog.count)));
    expect(run(8).report).not.toEqual(report);
  });
});
