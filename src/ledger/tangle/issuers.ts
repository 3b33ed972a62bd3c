// What the tangle knows of each issuer: its device hash rate and whether it is lazy, both drawn once,
// the first time the issuer shows up (so they depend only on the seed and the order of first appearance).

import type { Rng } from '../../engine/rng.js';
import type { Sampler } from '../../engine/distributions.js';

export class Issuers {
  private hashRate = new Float64Array(64);
  private lazy = new Uint8Array(64);
  private seen = new Uint8Array(64);

  constructor(
    private readonly drawHashRate: Sampler,
    private readonly lazyShare: number,
    private readonly lazyDraw: Rng,
  ) {}

  /** Hashes per second of the issuer's device. */
  rateOf(issuer: number): number {
    this.meet(issuer);
    return this.hashRate[issuer];
  }

  isLazy(issuer: number): boolean {
    this.meet(issuer);
    return this.lazy[issuer] === 1;
  }

  /** Gives `issuer` fixed traits (used for the attacker). */
  define(issuer: number, hashRate: number, lazy: boolean): void {
    this.ensure(issuer);
    this.seen[issuer] = 1;
    this.hashRate[issuer] = hashRate;
    this.lazy[issuer] = lazy ? 1 : 0;
  }

  private meet(issuer: number): void {
    this.ensure(issuer);
    if (this.seen[issuer] === 1) return;
    this.seen[issuer] = 1;
    this.hashRate[issuer] = this.drawHashRate();
    this.lazy[issuer] = this.lazyShare > 0 && this.lazyDraw() < this.lazyShare ? 1 : 0;
  }

  private ensure(issuer: number): void {
    if (issuer < this.seen.length) return;
    let n = this.seen.length;
    while (n <= issuer) n *= 2;
    const rate = new Float64Array(n);
    rate.set(this.hashRate);
    this.hashRate = rate;
    const lazy = new Uint8Array(n);
    lazy.set(this.lazy);
    this.lazy = lazy;
    const seen = new Uint8Array(n);
    seen.set(this.seen);
    this.seen = seen;
  }
}
