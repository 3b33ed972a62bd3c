// What the tangle knows of each issuer: its device hash rate and whether it is lazy, both drawn once,
// the first time the issuer shows up (so they depend only on the seed and the order of first appearance).

import type { Rng } from '../../engine/rng.js';
import type { Sampler } from '../../engine/distributions.js';
import { ensureLength } from '../../engine/typedArrays.js';

/** Per issuer, side by side (one cache line for both; a national run has a million issuers): its hash rate and its trait. */
const RATE = 0;
const TRAIT = 1;
const FIELDS = 2;
/** Traits: not met yet, honest, lazy. */
const UNSEEN = 0;
const HONEST = 1;
const LAZY = 2;

export class Issuers {
  private traits = new Float64Array(64 * FIELDS);

  constructor(
    private readonly drawHashRate: Sampler,
    private readonly lazyShare: number,
    private readonly lazyDraw: Rng,
  ) {}

  /** Hashes per second of the issuer's device. */
  rateOf(issuer: number): number {
    this.meet(issuer);
    return this.traits[issuer * FIELDS + RATE];
  }

  isLazy(issuer: number): boolean {
    this.meet(issuer);
    return this.traits[issuer * FIELDS + TRAIT] === LAZY;
  }

  /** Gives `issuer` fixed traits (used for the attacker). */
  define(issuer: number, hashRate: number, lazy: boolean): void {
    this.ensure(issuer);
    this.traits[issuer * FIELDS + RATE] = hashRate;
    this.traits[issuer * FIELDS + TRAIT] = lazy ? LAZY : HONEST;
  }

  private meet(issuer: number): void {
    this.ensure(issuer);
    const at = issuer * FIELDS;
    if (this.traits[at + TRAIT] !== UNSEEN) return;
    this.traits[at + RATE] = this.drawHashRate();
    this.traits[at + TRAIT] = this.lazyShare > 0 && this.lazyDraw() < this.lazyShare ? LAZY : HONEST;
  }

  private ensure(issuer: number): void {
    if (issuer * FIELDS < this.traits.length) return;
    this.traits = ensureLength(this.traits, (issuer + 1) * FIELDS);
  }
}
