// The tangle's per-issuer records (issuerRecords.ts): each field keeps its own value beside the others,
// issuers keep theirs apart, growing the table keeps every record, and traits and credit share it unharmed.

import { describe, expect, it } from 'vitest';
import { IssuerRecords } from '../../../src/ledger/tangle/issuerRecords.js';
import { Issuers } from '../../../src/ledger/tangle/issuers.js';
import { IssuerCredit } from '../../../src/ledger/tangle/credit.js';
import { creditPowSchema } from '../../../src/ledger/tangle/schema.js';

describe('issuer records', () => {
  it('reads an issuer never seen as all zeros', () => {
    const records = new IssuerRecords();
    expect([records.trait(1e6), records.valid(1e6), records.nextPenalty(1e6), records.remembered(1e6)]).toEqual([0, 0, 0, 0]);
  });

  it('keeps each field apart from the others, and each issuer apart, as the table grows', () => {
    const records = new IssuerRecords();
    const issuers = [0, 1, 63, 64, 1000, 250_000];
    issuers.forEach((issuer, i) => {
      records.setRate(issuer, 1.5 + i);
      records.setTrait(issuer, 1 + (i % 3));
      records.addValid(issuer, 10 + i);
      records.setPenalties(issuer, i % 16, 16 - i);
    });
    // Changing one field leaves the others as they were.
    records.setTrait(1000, 3);
    records.setPenalties(63, 15, 31);
    records.addValid(64, -5);
    issuers.forEach((issuer, i) => {
      expect(records.rate(issuer)).toBe(1.5 + i);
      expect(records.trait(issuer)).toBe(issuer === 1000 ? 3 : 1 + (i % 3));
      expect(records.valid(issuer)).toBe(10 + i - (issuer === 64 ? 5 : 0));
      expect(records.nextPenalty(issuer)).toBe(issuer === 63 ? 15 : i % 16);
      expect(records.remembered(issuer)).toBe(issuer === 63 ? 31 : 16 - i);
    });
    expect(records.valid(2)).toBe(0);
  });

  it('serves the traits and the credit of one issuer side by side without either disturbing the other', () => {
    const records = new IssuerRecords();
    let draws = 0;
    const issuers = new Issuers(() => 1000 + draws++, 0.5, () => 0.25, records);
    const config = creditPowSchema.parse({ window: 10 });
    const credit = new IssuerCredit(config, records);
    const alone = new IssuerCredit(config);
    for (const [issuer, t] of [[5, 0], [5, 1], [70_000, 2], [5, 3]] as const) {
      credit.recordValid(issuer, t);
      alone.recordValid(issuer, t);
    }
    credit.recordMisbehaviour(5, 4, 2);
    alone.recordMisbehaviour(5, 4, 2);
    // Meeting issuers (drawing their traits) after the credit, and growing the table, changes no credit.
    expect(issuers.isLazy(5)).toBe(true);
    expect(issuers.rateOf(5)).toBe(1000);
    expect(issuers.isLazy(900_000)).toBe(true);
    expect(issuers.rateOf(900_000)).toBe(1001);
    for (const issuer of [5, 70_000, 900_000]) expect(credit.credit(issuer, 9)).toBe(alone.credit(issuer, 9));
    expect(credit.credit(5, 9)).not.toBe(0);
    // Nor does the credit change the traits.
    issuers.define(70_000, 5, false);
    credit.recordMisbehaviour(70_000, 9, 1);
    expect([issuers.isLazy(70_000), issuers.rateOf(70_000), issuers.rateOf(5)]).toEqual([false, 5, 1000]);
  });
});
