// Which side of the current double spend each node is on: 1 if its past cone (itself included) holds the
// attacker's payment, 2 if it holds the conflicting spend, 0 if neither. A node may not be on both sides.

import { ensureLength } from '../../engine/typedArrays.js';

const SIDE_BITS = 4;

export const PAYMENT_SIDE = 1;
export const DOUBLE_SPEND_SIDE = 2;
const BOTH_SIDES = 3;

/**
 * Sides are tagged with the attack they belong to, so a new attack needs no reset of older nodes. Marks are
 * kept up to the last node ever given a side (a run without double spends keeps none).
 */
export class ConflictSides {
  private mark = new Int32Array(0);
  private attack = 1;

  /** Starts a new conflict; sides of earlier conflicts no longer count. */
  nextConflict(): void {
    this.attack++;
  }

  side(node: number): number {
    if (node >= this.mark.length) return 0;
    const m = this.mark[node];
    return ((m / SIDE_BITS) | 0) === this.attack ? m % SIDE_BITS : 0;
  }

  /** Whether a node on side `side` may approve (directly or not) `node`. */
  compatible(node: number, side: number): boolean {
    return (this.side(node) | side) !== BOTH_SIDES;
  }

  /** Records the side of `node` (own side OR the sides of its parents). */
  set(node: number, side: number): void {
    if (node >= this.mark.length) {
      if (side === 0) return;
      this.mark = ensureLength(this.mark, node + 1);
    }
    this.mark[node] = side === 0 ? 0 : this.attack * SIDE_BITS + side;
  }
}
