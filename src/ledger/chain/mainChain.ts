// The main chain as the whole network will agree on it: the longest chain, ties going to the block found
// first. Tracks blocks joining and leaving it (reorganisations) and the depth at which blocks confirm.

import { ensureLength } from '../../engine/typedArrays.js';
import type { BlockStore } from './blockStore.js';

export interface MainChainListener {
  /** Block `b` joined the main chain. */
  joined(b: number): void;
  /** Block `b` left the main chain (a reorganisation made it stale). */
  left(b: number): void;
  /** Block `b` is now `confirmations` deep. */
  confirmed(b: number): void;
}

export class MainChain {
  /** Main-chain block at each height (0 = genesis). */
  blockAt = new Int32Array(1024);
  tip = 0;
  /** Highest height whose block has been reported confirmed. */
  confirmedHeight = 0;
  /** Reorganisations that replaced a block already reported confirmed. */
  deepReorgs = 0;
  private readonly branch: number[] = [];

  constructor(private readonly store: BlockStore, private readonly confirmations: number, private readonly listener: MainChainListener) {}

  isMain(b: number): boolean {
    return this.blockAt[this.store.height[b]] === b && this.store.height[b] <= this.store.height[this.tip];
  }

  get height(): number {
    return this.store.height[this.tip];
  }

  /** Takes in a newly found block; returns whether it is now on the main chain. */
  add(b: number): boolean {
    const { height, parent } = this.store;
    const h = height[b];
    if (h <= height[this.tip]) return false;
    this.blockAt = ensureLength(this.blockAt, h + 1);
    if (parent[b] !== this.tip) this.reorganise(parent[b]);
    this.blockAt[h] = b;
    this.tip = b;
    this.listener.joined(b);
    const target = h - this.confirmations + 1;
    while (this.confirmedHeight < target) this.listener.confirmed(this.blockAt[++this.confirmedHeight]);
    return true;
  }

  /** Makes `newTip`'s chain the main chain up to its height. */
  private reorganise(newTip: number): void {
    const { height, parent } = this.store;
    const branch = this.branch;
    branch.length = 0;
    let x = newTip;
    while (this.blockAt[height[x]] !== x) {
      branch.push(x);
      x = parent[x];
    }
    const fork = height[x];
    for (let h = height[this.tip]; h > fork; h--) this.listener.left(this.blockAt[h]);
    if (fork < this.confirmedHeight) {
      this.deepReorgs++;
      this.confirmedHeight = fork;
    }
    for (let i = branch.length - 1; i >= 0; i--) {
      const y = branch[i];
      this.blockAt[height[y]] = y;
      this.listener.joined(y);
    }
    this.tip = newTip;
  }
}
