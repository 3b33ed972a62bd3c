// The followers' aggregate best response E(p) = sum clamp((p - b_i)/(2 a_i), 0, E_i) as sorted
// breakpoints: follower i starts selling at b_i and is saturated from b_i + 2 a_i E_i on. Sweeping
// the breakpoints in order keeps E(p) linear on each segment between them.

import { sortPairs } from './sortPairs.js';
import type { MarketInstance } from './instance.js';

export class SupplyCurve {
  /** On the current segment: A = sum 1/(2 a_i) over followers selling below their limit. */
  slope = 0;
  /** B = sum b_i/(2 a_i) over the same followers, so E(p) = A p - B + C. */
  offset = 0;
  /** C = sum E_i over saturated followers. */
  saturated = 0;
  /** sum b_i^2/(2 a_i) over followers selling below their limit (their surplus is (A/2) p^2 - B p + this/2). */
  squares = 0;
  /** sum c_i(E_i) over saturated followers (their surplus is C p - this). */
  saturatedCost = 0;

  private keys = new Float64Array(64);
  private ids = new Int32Array(64);
  private size = 0;
  private cursor = 0;
  private interior = 0;
  private a: ArrayLike<number> = [];
  private b: ArrayLike<number> = [];
  private limit: ArrayLike<number> = [];

  /** Builds and sorts the breakpoints of `instance` (followers with a zero limit take no part). */
  load(instance: MarketInstance): void {
    const n = instance.count ?? instance.a.length;
    const { a, b, limit } = instance;
    if (this.keys.length < 2 * n) {
      let size = this.keys.length;
      while (size < 2 * n) size *= 2;
      this.keys = new Float64Array(size);
      this.ids = new Int32Array(size);
    }
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (!(a[i] > 0)) throw new RangeError(`market follower ${i}: expected a > 0, got ${a[i]}`);
      if (!(limit[i] > 0)) continue;
      this.keys[size] = b[i];
      this.ids[size++] = 2 * i;
      this.keys[size] = b[i] + 2 * a[i] * limit[i];
      this.ids[size++] = 2 * i + 1;
    }
    sortPairs(this.keys, this.ids, size);
    this.size = size;
    this.a = a;
    this.b = b;
    this.limit = limit;
    this.restart();
  }

  /** Goes back to the first segment (p below every breakpoint: nobody sells). */
  restart(): void {
    this.cursor = 0;
    this.interior = 0;
    this.slope = this.offset = this.saturated = this.squares = this.saturatedCost = 0;
  }

  /** Position of the next breakpoint not yet passed (the right end of the current segment), or Infinity. */
  next(): number {
    return this.cursor < this.size ? this.keys[this.cursor] : Infinity;
  }

  /** Passes every breakpoint at position next(), moving to the following segment. */
  advance(): void {
    const at = this.keys[this.cursor];
    while (this.cursor < this.size && this.keys[this.cursor] === at) {
      const id = this.ids[this.cursor++];
      const i = id >> 1;
      const inv = 1 / (2 * this.a[i]);
      const bi = this.b[i];
      if ((id & 1) === 0) {
        this.interior++;
        this.slope += inv;
        this.offset += bi * inv;
        this.squares += bi * bi * inv;
      } else {
        this.interior--;
        const e = this.limit[i];
        this.saturated += e;
        this.saturatedCost += this.a[i] * e * e + bi * e;
        if (this.interior === 0) this.slope = this.offset = this.squares = 0;
        else {
          this.slope -= inv;
          this.offset -= bi * inv;
          this.squares -= bi * bi * inv;
        }
      }
    }
  }

  /** E(p) for p on the current segment. */
  supplyAt(p: number): number {
    return Math.max(0, this.slope * p - this.offset + this.saturated);
  }
}
