// The tangle's issuers (issuers.ts): traits drawn once, in the order of first appearance, and kept as the table
// grows; where every issuer gets the same traits nothing is drawn, and a defined issuer keeps its own.

import { describe, expect, it } from 'vitest';
import { Issuers } from '../../../src/ledger/tangle/issuers.js';

describe('tangle issuers', () => {
  it('draws each issuer\'s hash rate and laziness once, at its first appearance, and keeps them as the table grows', () => {
    let rates = 0;
    const lazyDraws = [0.1, 0.9, 0.3, 0.8, 0.2, 0.7];
    let lazy = 0;
    const issuers = new Issuers(() => 1000 + rates++, 0.5, () => lazyDraws[lazy++]);
    const order = [5, 250_000, 63, 64, 1000, 0];
    order.forEach((issuer, i) => expect(issuers.isLazy(issuer)).toBe(lazyDraws[i] < 0.5));
    // Met again, in another order: nothing more is drawn.
    [...order].reverse().forEach((issuer) => expect(issuers.rateOf(issuer)).toBe(1000 + order.indexOf(issuer)));
    expect([rates, lazy]).toEqual([6, 6]);
    issuers.define(64, 5, true);
    expect([issuers.rateOf(64), issuers.isLazy(64), issuers.rateOf(63)]).toEqual([5, true, 1002]);
  });

  it('draws and keeps nothing where every issuer is honest at one hash rate, but keeps a defined issuer\'s traits', () => {
    let draws = 0;
    const issuers = new Issuers(() => (draws++, 40), 0, () => (draws++, 0), 40);
    for (const issuer of [1, 999_999, 3]) expect([issuers.rateOf(issuer), issuers.isLazy(issuer)]).toEqual([40, false]);
    expect(draws).toBe(0);
    issuers.define(0, 1e8, false);
    expect([issuers.rateOf(0), issuers.rateOf(2)]).toEqual([1e8, 40]);
    // A lazy share draws traits, one hash rate or not.
    const drawn = new Issuers(() => 40, 0.5, () => 0.25, 40);
    expect(drawn.isLazy(7)).toBe(true);
  });
});
