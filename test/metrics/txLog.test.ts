// The transaction log: fees kept only once a ledger charges one, read back with feeOf; a reused id starts
// unconfirmed again.

import { describe, expect, it } from 'vitest';
import { TxLog } from '../../src/metrics/txLog.js';

/** Bytes of the typed arrays the log holds. */
function arrayBytes(log: TxLog): number {
  return Object.values(log).reduce((sum: number, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);
}

describe('TxLog', () => {
  it('keeps no fees while every fee is +0, and every fee from the first other one on', () => {
    const log = new TxLog();
    for (let i = 0; i < 3000; i++) log.add(i, 250, 1, 0, i);
    expect(arrayBytes(log)).toBe(32 * log.issuer.length);
    expect(log.feeOf(17)).toBe(0);
    log.add(3000, 250, 1, 0.5, 3000);
    log.add(3001, 250, 1, 0, 3001);
    log.add(3002, 250, 1, -0, 3002);
    expect(arrayBytes(log)).toBe(40 * log.issuer.length);
    expect(log.feeOf(17)).toBe(0);
    expect(log.feeOf(3000)).toBe(0.5);
    expect(log.feeOf(3001)).toBe(0);
    expect(Object.is(log.feeOf(3002), -0)).toBe(true);
    for (let i = 0; i < 5000; i++) log.add(i, 250, 1, i, i);
    expect(log.feeOf(3003 + 4999)).toBe(4999);
  });

  it('holds as many transactions as it is sized for before it grows, and keeps them when it grows', () => {
    const log = new TxLog(5000);
    for (let i = 0; i < 5000; i++) log.add(i, 250, i / 2, 0, i);
    expect(log.issuer.length).toBe(5000);
    log.add(5000, 300, 1, 0, 5000);
    expect(log.issuer.length).toBe(10_000);
    expect(Array.from(log.value.subarray(4998, 5001))).toEqual([2499, 2499.5, 1]);
    expect(log.sizeBytes[5000]).toBe(300);
    expect(log.isConfirmed(4999)).toBe(false);
  });

  it('keeps a -0 fee (a fee that is not +0) from the start', () => {
    const log = new TxLog();
    log.add(1, 250, 1, -0, 0);
    expect(Object.is(log.feeOf(0), -0)).toBe(true);
  });

  it('starts a transaction unconfirmed, also one whose id is used again after the log restarts', () => {
    const log = new TxLog();
    const id = log.add(1, 250, 1, 0, 0);
    log.confirm(id, 5);
    expect(log.isConfirmed(id)).toBe(true);
    log.count = 0;
    expect(log.add(2, 250, 1, 0, 6)).toBe(id);
    expect(log.isConfirmed(id)).toBe(false);
  });
});
