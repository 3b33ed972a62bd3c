// What a tangle run keeps per transaction: the bytes of the per-node arrays of the ledger and its DAG and of
// the transaction log, per slot of their capacity, within the 100 B per transaction that a national run needs;
// and the arrays' unused tails left as zeros (untouched pages, which take no memory).

import { describe, expect, it } from 'vitest';
import { runTangle } from './harness.js';

/** Bytes of the typed arrays held directly by `owner` (its fields, private ones included). */
function arrayBytes(owner: object): number {
  return Object.values(owner).reduce((sum: number, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);
}

describe('tangle memory per transaction', () => {
  const { ledger, txLog } = runTangle({ tipSelection: 'mcmc' }, { rate: 40, duration: 300, issuers: 50 });
  const dag = ledger.dag;

  it('keeps at most 100 B per transaction: 32 B in the log of a fee-less ledger, the rest in the DAG and the ledger', () => {
    expect(txLog.count).toBeGreaterThan(10_000);
    const logPerTx = arrayBytes(txLog) / txLog.issuer.length;
    // Issuer and size (4 B each), value, submission and confirmation times (8 B each); no fees kept.
    expect(logPerTx).toBe(32);
    const nodePerTx = (arrayBytes(dag) + arrayBytes(ledger) + arrayBytes(ledger.sides)) / dag.weight.length;
    expect(nodePerTx).toBeLessThan(56);
    expect(logPerTx + nodePerTx).toBeLessThanOrEqual(100);
  });

  it('leaves the arrays past the last node and the last transaction untouched (zero)', () => {
    expect(dag.weight.length).toBeGreaterThan(dag.size);
    expect(dag.revealSeq.subarray(dag.size).every((v) => v === 0)).toBe(true);
    expect(dag.firstApprover.subarray(dag.size).every((v) => v === 0)).toBe(true);
    expect(txLog.confirmedAt.length).toBeGreaterThan(txLog.count);
    expect(txLog.confirmedAt.subarray(txLog.count).every((v) => v === 0)).toBe(true);
    // ...while the nodes and transactions themselves start at -1 (no reveal, no approver) and NaN (unconfirmed).
    expect(Array.from(txLog.confirmedAt.subarray(0, txLog.count)).some((v) => Number.isNaN(v))).toBe(true);
    expect(dag.parent(dag.size - 1, 0)).toBeGreaterThanOrEqual(0);
  });
});
