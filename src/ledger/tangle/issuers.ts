// What the tangle knows of each issuer: its device hash rate and whether it is lazy, both drawn once,
// the first time the issuer shows up (so they depend only on the seed and the order of first appearance).

import type { Rng } from '../../engine/rng.js';
import type { Sampler } from '../../engine/distributions.js';
import { IssuerRecords } from './issuerRecords.js';

/** Traits: not met yet, honest, lazy. */
const UNSEEN = 0;
const HONEST = 1;
const LAZY = 2;

export class Issuers {
  /** `records`: where the traits are kept, beside the issuers' credit (issuerRecords.ts). */
  constructor(
    private readonly drawHashRate: Sampler,
    private readonly lazyShare: number,
    private readonly lazyDraw: Rng,
    private readonly records = new IssuerRecords(),
  ) {}

  /** Hashes per second of the issuer's device. */
  rateOf(issuer: number): number {
    this.meet(issuer);
    return this.records.rate(issuer);
  }

  isLazy(issuer: number): boolean {
    return this.meet(issuer) === LAZY;
  }

  /** Gives `issuer` fixed traits (used for the attacker). */
  define(issuer: number, hashRate: number, lazy: boolean): void {
    this.records.setRate(issuer, hashRate);
    this.records.setTrait(issuer, lazy ? LAZY : HONEST);
  }

  /** The issuer's trait, drawn with its hash rate the first time it shows up. */
  private meet(issuer: number): number {
    const trait = this.records.trait(issuer);
    if (trait !== UNSEEN) return trait;
    this.records.setRate(issuer, this.drawHashRate());
    const drawn = this.lazyShare > 0 && this.lazyDraw() < this.lazyShare ? LAZY : HONEST;
    this.records.setTrait(issuer, drawn);
    return drawn;
  }
}
