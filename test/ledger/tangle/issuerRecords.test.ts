// The tangle's per-issuer records (issuerRecords.ts): each field keeps its own value beside the others,
// issuers keep theirs apart, and growing the table keeps every record.

import { describe, expect, it } from 'vitest';
import { IssuerRecords } from '../../../src/ledger/tangle/issuerRecords.js';

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
});
