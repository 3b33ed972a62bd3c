// Attacks: the parasite-chain double spend (how often it wins, and how credit-based proof of work slows
// the attacker), and lazy issuers (their transactions are left behind).

import { describe, expect, it } from 'vitest';
import { runTangle } from './harness.js';

// 30 minutes at 20 tx/s with 20 s of hidden building and 30 s of observation: about 34 attacks per run,
// so a success rate has a standard error of at most 0.09; the differences asserted are over 0.3.
const OPTIONS = { rate: 20, duration: 1800, warmup: 60 };
const parasite = (share: number, creditBased: boolean) => ({
  tipSelection: 'mcmc',
  alpha: 0,
  delay: 0.5,
  pow: { creditBased },
  attack: { parasite: { share, hold: 20, observe: 30 } },
});

describe('parasite-chain double spend', () => {
  it('succeeds often with half the issuing power, and credit-based proof of work holds it back', () => {
    const flat = runTangle(parasite(0.5, false), OPTIONS).report.extra!;
    const credit = runTangle(parasite(0.5, true), OPTIONS).report.extra!;
    expect(flat.attack_attempts!).toBeGreaterThan(25);
    expect(flat.attacker_difficulty_mean_bits).toBe(14);
    // after the first detected double spend the attacker's difficulty sits near the ceiling (24 bits)
    expect(credit.attacker_difficulty_mean_bits!).toBeGreaterThan(20);
    expect(flat.attack_success_rate!).toBeGreaterThan(0.35);
    expect(credit.attack_success_rate!).toBeLessThan(flat.attack_success_rate! - 0.3);
  });

  // success means the released branch is heavier than the payment's after `observe`: with a share q of the
  // issuing rate the parasite branch grows q / (1 - q) times as fast as the honest one, so it should
  // (almost) never win below half and (almost) always above
  it('fails with a small share of the issuing power and wins with a majority', () => {
    const small = runTangle(parasite(0.1, false), OPTIONS).report.extra!;
    const majority = runTangle(parasite(0.7, false), OPTIONS).report.extra!;
    expect(small.attack_success_rate!).toBeLessThan(0.1);
    expect(majority.attack_success_rate!).toBeGreaterThan(0.9);
  });

  it('is off by default', () => {
    const extra = runTangle({ tipSelection: 'mcmc' }, { rate: 10, duration: 60 }).report.extra!;
    expect(extra.attack_attempts).toBeNull();
    expect(extra.attack_success_rate).toBeNull();
  });
});

describe('lazy issuers', () => {
  it('see their transactions left behind far more often than honest ones under mcmc', () => {
    const extra = runTangle({ tipSelection: 'mcmc', delay: 0.5, attack: { lazyShare: 0.2, lazyDepth: 500 } }, { rate: 20, duration: 300, warmup: 60 }).report.extra!;
    // orphan_rate counts everyone (lazy included): were lazy issuers no worse off, the ratio would be 1
    expect(extra.lazy_orphan_rate!).toBeGreaterThan(3 * extra.orphan_rate!);
  });
});
