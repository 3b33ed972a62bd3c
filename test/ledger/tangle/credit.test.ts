// Credit-based proof of work: honest activity lowers the difficulty, misbehaviour raises it and fades,
// and in a run lazy issuers pay more than honest ones.

import { describe, expect, it } from 'vitest';
import { IssuerCredit, REMEMBERED_MISBEHAVIOURS } from '../../../src/ledger/tangle/credit.js';
import { creditPowSchema } from '../../../src/ledger/tangle/schema.js';
import { INSTANT_POW, runTangle } from './harness.js';

describe('issuer credit', () => {
  const config = creditPowSchema.parse({ window: 10, bitsPerCredit: 4, baseDifficulty: 14, minDifficulty: 10, maxDifficulty: 24 });

  it('starts at the base difficulty and falls to the floor with steady valid activity', () => {
    const credit = new IssuerCredit(config);
    expect(credit.difficulty(3, 0)).toBe(14);
    for (let t = 0; t < 10; t += 0.5) credit.recordValid(3, t);
    // 20 valid transactions in a 10 s window: CrP = 2/s, 8 bits off the base, clamped to the floor 10
    expect(credit.difficulty(3, 9.9)).toBe(10);
    // once they leave the window the credit is gone
    expect(credit.difficulty(3, 30)).toBe(14);
  });

  it('raises the difficulty after a misbehaviour and lets the penalty fade as dT / (t - t_k)', () => {
    const credit = new IssuerCredit(config);
    credit.recordMisbehaviour(1, 100, 1);
    expect(credit.difficulty(1, 101)).toBe(24);
    // at age 100 s: CrN = -1 * 10 / 100, l2 = 0.5: credit -0.05, +0.2 bits
    expect(credit.difficulty(1, 200)).toBeCloseTo(14.2, 10);
    expect(credit.difficulty(1, 1100)).toBeCloseTo(14.02, 10);
    expect(credit.difficulty(2, 101)).toBe(14);
  });

  it('weighs a double spend more than a lazy tip', () => {
    const credit = new IssuerCredit(config);
    credit.recordMisbehaviour(1, 0, config.lazyPenalty);
    credit.recordMisbehaviour(2, 0, config.doubleSpendPenalty);
    expect(credit.credit(2, 50)).toBeLessThan(credit.credit(1, 50));
  });

  it("keeps each issuer's penalties apart, however many misbehave and in whatever order", () => {
    const shared = new IssuerCredit(config);
    const alone = new Map<number, IssuerCredit>();
    // 40 issuers (more than the first pool of penalty blocks), ids spread far apart, 1-10 penalties each, interleaved.
    for (let k = 0; k < 400; k++) {
      const m = (k * 7) % 40;
      const issuer = m * 1000 + 3;
      if (Math.floor(k / 40) >= 1 + (m % 10)) continue;
      const [t, a] = [k * 0.25, 1 + (k % 3)];
      shared.recordMisbehaviour(issuer, t, a);
      if (!alone.has(issuer)) alone.set(issuer, new IssuerCredit(config));
      alone.get(issuer)!.recordMisbehaviour(issuer, t, a);
    }
    expect(alone.size).toBe(40);
    for (const [issuer, own] of alone) expect(shared.credit(issuer, 150)).toBe(own.credit(issuer, 150));
    expect(shared.credit(5, 150)).toBe(0);
  });

  it('remembers the most recent misbehaviours, reusing the oldest slot past REMEMBERED_MISBEHAVIOURS', () => {
    const credit = new IssuerCredit(config);
    const misbehaviours = REMEMBERED_MISBEHAVIOURS + 4;
    for (let t = 0; t < misbehaviours; t++) credit.recordMisbehaviour(7, t, 1 + (t % 3));
    credit.recordValid(7, 95);
    // CrN = -sum over the last 16 (t = 4..19) of a_t dT / (100 - t); CrP = 1 / dT; l1 = 1, l2 = 0.5 (the defaults).
    let negative = 0;
    for (let t = misbehaviours - REMEMBERED_MISBEHAVIOURS; t < misbehaviours; t++) negative -= ((1 + (t % 3)) * 10) / (100 - t);
    expect(credit.credit(7, 100)).toBeCloseTo(config.positiveWeight / 10 + config.negativeWeight * negative, 12);
    expect(credit.credit(8, 100)).toBe(0);
  });

  it("counts each issuer's valid transactions in the window, a million issuers coming and going", () => {
    const credit = new IssuerCredit(config);
    const log: [number, number][] = [];
    // 20,000 transactions over 200 s from issuers spread over a million, some of them repeated; the window is 10 s.
    for (let k = 0; k < 20_000; k++) {
      const issuer = k % 7 === 0 ? 42 : (k * 104_729) % 1_000_000;
      const t = k / 100;
      credit.recordValid(issuer, t);
      log.push([issuer, t]);
      if (k % 1999 !== 0) continue;
      for (const probe of [42, issuer, (k * 104_729 + 1) % 1_000_000]) {
        const inWindow = log.filter(([i, at]) => i === probe && at >= t - 10).length;
        expect(credit.credit(probe, t)).toBeCloseTo(inWindow / 10, 12);
      }
    }
  });

  it('is off when creditBased is false', () => {
    const credit = new IssuerCredit({ ...config, creditBased: false });
    credit.recordMisbehaviour(1, 0, 5);
    expect(credit.difficulty(1, 1)).toBe(14);
  });
});

describe('credit-based proof of work in a run', () => {
  it('gives lazy issuers a higher difficulty than honest ones, and only when credit-based', () => {
    const options = { rate: 20, duration: 300, warmup: 60, issuers: 20 };
    const credit = runTangle({ tipSelection: 'mcmc', delay: 0.5, attack: { lazyShare: 0.25 } }, options).report.extra!;
    expect(credit.lazy_difficulty_mean_bits!).toBeGreaterThan(credit.difficulty_mean_bits! + 3);
    expect(credit.difficulty_mean_bits!).toBeLessThan(14);
    const flat = runTangle({ tipSelection: 'mcmc', delay: 0.5, pow: { creditBased: false, ...INSTANT_POW }, attack: { lazyShare: 0.25 } }, options).report.extra!;
    expect(flat.lazy_difficulty_mean_bits).toBe(14);
    expect(flat.difficulty_mean_bits).toBe(14);
  });

  it('reports the hashes and their energy on the issuer and validator devices', () => {
    const { report, txLog } = runTangle({ tipSelection: 'urts', pow: { creditBased: false } }, { rate: 10, duration: 100 });
    // geometric hash counts with mean 2^14 (sd about 2^14) over about 1000 transactions: the total has a
    // relative standard error near 3%, so 10% of tx * 2^14 is over three standard errors
    const tx = txLog.count;
    expect(report.hashes / (tx * 2 ** 14)).toBeGreaterThan(0.9);
    expect(report.hashes / (tx * 2 ** 14)).toBeLessThan(1.1);
    // ev: 1e6 H/s at 2 W (2e-6 J/hash), signs in 0.25 ms; 100 nodes verify each on an agent core (60 us at 15 W)
    const joules = report.hashes * 2e-6 + tx * 2.5e-4 * 2 + tx * 100 * 6e-5 * 15;
    expect(report.energyKwh).toBeCloseTo(joules / 3.6e6, 12);
  });
});
