// What the tangle knows of each issuer: its device hash rate and whether it is lazy, both drawn once,
// the first time the issuer shows up (so they depend only on the seed and the order of first appearance).
// Where every issuer gets the same (no lazy share, one hash rate), nothing is drawn and nothing is kept.

import type { Rng } from '../../engine/rng.js';
import type { Sampler } from '../../engine/distributions.js';
import { doubledCapacity } from '../../engine/typedArrays.js';

/** Traits: not met yet, honest, lazy. */
const UNSEEN = 0;
const HONEST = 1;
const LAZY = 2;

/** Each issuer's record: its hash rate, then its trait, side by side so that one memory fetch reads both. */
const RECORD = 2;
const RATE = 0;
const TRAIT = 1;

export class Issuers {
  /** The records of the issuers met (or defined), by issuer; all zeros (UNSEEN) for the others. */
  private records = new Float64Array(64 * RECORD);
  /** The hash rate of every issuer not defined, where all are honest at one rate; 0 where traits are drawn. */
  private readonly commonRate: number;

  /**
   * `sameRate`: the hash rate every issuer is drawn, when the distribution is a constant. With no lazy share
   * too, no issuer's traits are drawn or kept: a national run's million records cost the ledger's thread a cache
   * miss per transaction.
   */
  constructor(
    private readonly drawHashRate: Sampler,
    private readonly lazyShare: number,
    private readonly lazyDraw: Rng,
    sameRate?: number,
  ) {
    this.commonRate = lazyShare === 0 && sameRate !== undefined ? sameRate : 0;
  }

  /** Hashes per second of the issuer's device. */
  rateOf(issuer: number): number {
    if (this.commonRate > 0 && this.trait(issuer) === UNSEEN) return this.commonRate;
    this.meet(issuer);
    return this.records[issuer * RECORD + RATE];
  }

  isLazy(issuer: number): boolean {
    if (this.commonRate > 0 && this.trait(issuer) === UNSEEN) return false;
    return this.meet(issuer) === LAZY;
  }

  /** Gives `issuer` fixed traits (used for the attacker). */
  define(issuer: number, hashRate: number, lazy: boolean): void {
    this.keep(issuer, hashRate, lazy ? LAZY : HONEST);
  }

  private trait(issuer: number): number {
    return issuer * RECORD < this.records.length ? this.records[issuer * RECORD + TRAIT] : UNSEEN;
  }

  /** The issuer's trait, drawn with its hash rate the first time it shows up. */
  private meet(issuer: number): number {
    const trait = this.trait(issuer);
    if (trait !== UNSEEN) return trait;
    const rate = this.drawHashRate();
    const drawn = this.lazyShare > 0 && this.lazyDraw() < this.lazyShare ? LAZY : HONEST;
    this.keep(issuer, rate, drawn);
    return drawn;
  }

  private keep(issuer: number, rate: number, trait: number): void {
    const at = issuer * RECORD;
    if (at >= this.records.length) {
      const grown = new Float64Array(doubledCapacity(this.records.length / RECORD, issuer + 1) * RECORD);
      grown.set(this.records);
      this.records = grown;
    }
    this.records[at + RATE] = rate;
    this.records[at + TRAIT] = trait;
  }
}
