// Credit-based proof of work after Huang et al. (IEEE TII 2019): an issuer's credit
// Cr = l1 CrP + l2 CrN sets the difficulty of its next transaction between a floor and a ceiling.
// CrP = valid transactions in the last window dT / dT; CrN = -sum_k a_k dT / (t - t_k) over misbehaviours.

import type { CreditPowConfig } from './schema.js';
import { ensureLength } from '../../engine/typedArrays.js';
import { WindowCounts } from './windowCounts.js';

/** Misbehaviours remembered per issuer (the most recent ones; older ones have faded most). */
export const REMEMBERED_MISBEHAVIOURS = 16;
/** Least age, seconds, used in dT / (t - t_k), so that a fresh penalty is large but finite. */
export const MIN_PENALTY_AGE = 1;

export class IssuerCredit {
  /**
   * Penalty slots, REMEMBERED_MISBEHAVIOURS to a block, a block given to an issuer at its first misbehaviour (few
   * issuers misbehave; a block for each of a million would take 256 MB), and each block's misbehaviours so far.
   */
  private penaltyTime = new Float64Array(16 * REMEMBERED_MISBEHAVIOURS);
  private penaltyWeight = new Float64Array(16 * REMEMBERED_MISBEHAVIOURS);
  private misbehaviours = new Int32Array(16);
  private blocks = 0;
  /** Per issuer, 1 + its block of penalty slots (0: none yet); as long as the highest issuer that misbehaved needs. */
  private blockOf = new Int32Array(64);
  /** Valid transactions in time order (issuer, time), from `head` on still inside the window. */
  private windowIssuer = new Int32Array(1024);
  private windowTime = new Float64Array(1024);
  private head = 0;
  private tail = 0;
  /**
   * Each issuer's valid transactions in the window: a few thousand issuers at a time, kept in the cache (a
   * count per issuer over a national run's million cost the ledger's thread a cache miss per transaction).
   */
  private readonly valid = new WindowCounts();

  constructor(private readonly config: CreditPowConfig) {}

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
    const positive = this.valid.get(issuer) / window;
    let negative = 0;
    const block = issuer < this.blockOf.length ? this.blockOf[issuer] - 1 : -1;
    if (block >= 0) {
      const base = block * REMEMBERED_MISBEHAVIOURS;
      // Slots fill from 0 before they are reused: the count remembered stops at the slots there are.
      const remembered = Math.min(REMEMBERED_MISBEHAVIOURS, this.misbehaviours[block]);
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
    this.valid.add(issuer, 1);
  }

  /** A misbehaviour of weight a (lazy tip, double spend) of `issuer` detected at `now`. */
  recordMisbehaviour(issuer: number, now: number, a: number): void {
    if (issuer >= this.blockOf.length) this.blockOf = ensureLength(this.blockOf, issuer + 1);
    if (this.blockOf[issuer] === 0) this.blockOf[issuer] = this.newBlock();
    const block = this.blockOf[issuer] - 1;
    const slot = block * REMEMBERED_MISBEHAVIOURS + (this.misbehaviours[block]++ % REMEMBERED_MISBEHAVIOURS);
    this.penaltyTime[slot] = now;
    this.penaltyWeight[slot] = a;
  }

  private expire(before: number): void {
    while (this.head < this.tail && this.windowTime[this.head] < before) {
      this.valid.add(this.windowIssuer[this.head++], -1);
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
    this.misbehaviours = ensureLength(this.misbehaviours, this.blocks);
    return this.blocks;
  }
}
