// The tangle's per-issuer state in one array of 16-byte records: an issuer's device hash rate and trait
// (issuers.ts) beside its credit counts (credit.ts). A national run has a million issuers and each
// transaction reads both, so that one memory fetch (a cache miss at that size) serves them all.

import { doubledCapacity } from '../../engine/typedArrays.js';

/** Bytes per issuer: a record never straddles two cache lines (typed arrays' storage is 16-byte aligned). */
const RECORD_BYTES = 16;
const F64_PER_RECORD = RECORD_BYTES / 8;
const I32_PER_RECORD = RECORD_BYTES / 4;

/** A record's fields: its hash rate (a double), then two 32-bit words. */
const RATE = 0;
const VALID = 2;
const FLAGS = 3;

/** Bit fields of FLAGS: the trait (2 bits), the next penalty slot (4 bits), the penalties remembered (5 bits). */
const TRAIT_BITS = 0b11;
const NEXT_SHIFT = 2;
const NEXT_BITS = 0b1111;
const REMEMBERED_SHIFT = 6;
const REMEMBERED_BITS = 0b11111;

export class IssuerRecords {
  private f64 = new Float64Array(64 * F64_PER_RECORD);
  private i32 = new Int32Array(this.f64.buffer);
  private capacity = 64;

  rate(issuer: number): number {
    return this.f64[issuer * F64_PER_RECORD + RATE];
  }

  setRate(issuer: number, rate: number): void {
    this.ensure(issuer);
    this.f64[issuer * F64_PER_RECORD + RATE] = rate;
  }

  /** Its trait, 0 to 3 (0 for an issuer never seen). */
  trait(issuer: number): number {
    return issuer < this.capacity ? this.i32[issuer * I32_PER_RECORD + FLAGS] & TRAIT_BITS : 0;
  }

  setTrait(issuer: number, trait: number): void {
    this.ensure(issuer);
    const at = issuer * I32_PER_RECORD + FLAGS;
    this.i32[at] = (this.i32[at] & ~TRAIT_BITS) | trait;
  }

  /** Its valid transactions in the credit window. */
  valid(issuer: number): number {
    return issuer < this.capacity ? this.i32[issuer * I32_PER_RECORD + VALID] : 0;
  }

  addValid(issuer: number, change: number): void {
    this.ensure(issuer);
    this.i32[issuer * I32_PER_RECORD + VALID] += change;
  }

  /** The slot its next misbehaviour takes, 0 to 15. */
  nextPenalty(issuer: number): number {
    return issuer < this.capacity ? (this.i32[issuer * I32_PER_RECORD + FLAGS] >>> NEXT_SHIFT) & NEXT_BITS : 0;
  }

  /** Its misbehaviours remembered, 0 to 31. */
  remembered(issuer: number): number {
    return issuer < this.capacity ? (this.i32[issuer * I32_PER_RECORD + FLAGS] >>> REMEMBERED_SHIFT) & REMEMBERED_BITS : 0;
  }

  /** Sets the next penalty slot (0 to 15) and the misbehaviours remembered (0 to 31). */
  setPenalties(issuer: number, next: number, remembered: number): void {
    this.ensure(issuer);
    const at = issuer * I32_PER_RECORD + FLAGS;
    this.i32[at] = (this.i32[at] & TRAIT_BITS) | (next << NEXT_SHIFT) | (remembered << REMEMBERED_SHIFT);
  }

  private ensure(issuer: number): void {
    if (issuer < this.capacity) return;
    const n = doubledCapacity(this.capacity, issuer + 1);
    const grown = new Float64Array(n * F64_PER_RECORD);
    grown.set(this.f64);
    this.f64 = grown;
    this.i32 = new Int32Array(grown.buffer);
    this.capacity = n;
  }
}
