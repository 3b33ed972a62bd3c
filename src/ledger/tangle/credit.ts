// Credit-based proof of work after Huang et al. (IEEE TII 2019): an issuer's credit
// Cr = l1 CrP + l2 CrN sets the difficulty of its next transaction between a floor and a ceiling.
// CrP = valid transactions in the last window dT / dT; CrN = -sum_k a_k dT / (t - t_k) over misbehaviours.

import type { CreditPowConfig } from './schema.js';
import { ensureLength } from '../../engine/typedArrays.js';
import { IssuerRecords } from './issuerRecords.js';

/** Misbehaviours remembered per issuer (the most recent ones; older ones have faded most). */
export const REMEMBERED_MISBEHAVIOURS = 16;
/** Least age, seconds, used in dT / (t - t_k), so that a fresh penalty is large but finite. */
export const MIN_PENALTY_AGE = 1;

export class IssuerCredit {
  /**
   * Penalty slots, REMEMBERED_MISBEHAVIOURS to a block, a block given to an issuer at its first misbehaviour (few
   * issuers misbehave; a block for each of a million would take 256 MB).
   */
  private penaltyTime = new Float64Array(16 * REMEMBERED_MISBEHAVIOURS);
  private penaltyWeight = new Float64Array(16 * REMEMBERED_MISBEHAVIOURS);
  private blocks = 0;
  /** Per issuer, 1 + its block of penalty slots (0: none yet); read only for issuers that misbehaved. */
  private blockOf = new Int32Array(64);
  /** Valid transactions in time order (issuer, time), from `head` on still inside the window. */
  private windowIssuer = new Int32Array(1024);
  private windowTime = new Float64Array(1024);
  private head = 0;
  private tail = 0;

  /**
   * `records`: where each issuer's counts are kept (its valid transactions in the window, its next penalty slot,
   * its misbehaviours remembered), beside its traits (issuerRecords.ts).
   */
  constructor(private readonly config: CreditPowConfig, private readonly records = new IssuerRecords()) {}

  /** Difficulty in bits of the next transaction of `issuer` at time `now`. */
  difficulty(issuer: number, now: number): number {
    const { baseDifficulty, minDifficulty, maxDifficulty } = this.config;
    if (!this.config.creditBased) return baseDifficulty;
    const bits = baseDifficulty - this.config.bitsPerCredit * this.credit(issuer, now);
    return Math.min(maxDifficulty, Math.max(minDifficulty, bits));
  }

  credit(issuer: number, now: number): number {
    const { window, positiveWeight, negativeWeight } = this.config;
    this.expire(now - window);
    const positive = this.records.valid(issuer) / window;
    let negative = 0;
    const remembered = this.records.remembered(issuer);
    if (remembered > 0) {
      const base = (this.blockOf[issuer] - 1) * REMEMBERED_MISBEHAVIOURS;
      for (let i = 0; i < remembered; i++) {
        const a = this.penaltyWeight[base + i];
        if (a > 0) negative -= (a * window) / Math.max(MIN_PENALTY_AGE, now - this.penaltyTime[base + i]);
      }
    }
    return positiveWeight * positive + negativeWeight * negative;
  }

  /** A valid transaction of `issuer` attached at `now` (times must not decrease). */
  recordValid(issuer: number, now: number): void {
    if (this.tail === this.windowIssuer.length) this.compactWindow();
    this.windowIssuer[this.tail] = issuer;
    this.windowTime[this.tail++] = now;
    this.records.addValid(issuer, 1);
  }

  /** A misbehaviour of weight a (lazy tip, double spend) of `issuer` detected at `now`. */
  recordMisbehaviour(issuer: number, now: number, a: number): void {
    if (issuer >= this.blockOf.length) this.blockOf = ensureLength(this.blockOf, issuer + 1);
    if (this.blockOf[issuer] === 0) this.blockOf[issuer] = this.newBlock();
    const next = this.records.nextPenalty(issuer);
    const slot = (this.blockOf[issuer] - 1) * REMEMBERED_MISBEHAVIOURS + next;
    this.penaltyTime[slot] = now;
    this.penaltyWeight[slot] = a;
    // Slots fill from 0 before they are reused: the count remembered stops at the slots there are.
    this.records.setPenalties(issuer, (next + 1) % REMEMBERED_MISBEHAVIOURS, Math.min(REMEMBERED_MISBEHAVIOURS, this.records.remembered(issuer) + 1));
  }

  private expire(before: number): void {
    while (this.head < this.tail && this.windowTime[this.head] < before) {
      this.records.addValid(this.windowIssuer[this.head++], -1);
    }
  }

  private compactWindow(): void {
    const live = this.tail - this.head;
    const size = live * 2 > this.windowIssuer.length ? this.windowIssuer.length * 2 : this.windowIssuer.length;
    const issuers = new Int32Array(size);
    const times = new Float64Array(size);
    issuers.set(this.windowIssuer.subarray(this.head, this.tail));
    times.set(this.windowTime.subarray(this.head, this.tail));
    this.windowIssuer = issuers;
    this.windowTime = times;
    this.head = 0;
    this.tail = live;
  }

  /** 1 + a fresh block of penalty slots. */
  private newBlock(): number {
    const end = ++this.blocks * REMEMBERED_MISBEHAVIOURS;
    this.penaltyTime = ensureLength(this.penaltyTime, end);
    this.penaltyWeight = ensureLength(this.penaltyWeight, end);
    return this.blocks;
  }
}
