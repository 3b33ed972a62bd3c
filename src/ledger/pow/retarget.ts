// Optional difficulty retargeting, Bitcoin-style: every `every` main-chain blocks the difficulty is scaled
// by target time / observed time of the last `every` blocks, clamped to a factor of 4 either way.

import type { Chain } from '../chain/chain.js';

const MAX_STEP = 4;

export class Retarget {
  /** Expected hashes per block now. */
  difficulty: number;
  private lastHeight = 0;

  constructor(private readonly every: number, private readonly blockInterval: number, private readonly hashRate: number) {
    this.difficulty = hashRate * blockInterval;
  }

  /** Checks whether the main chain crossed a retarget height; if so, rescales difficulty and the mining clock. */
  afterBlock(chain: Chain): void {
    const main = chain.main;
    if (this.every === 0 || main.height < this.lastHeight + this.every) return;
    const top = main.height - (main.height % this.every);
    const observed = chain.store.foundAt[main.blockAt[top]] - chain.store.foundAt[main.blockAt[top - this.every]];
    const wanted = this.every * this.blockInterval;
    const factor = Math.min(MAX_STEP, Math.max(1 / MAX_STEP, wanted / Math.max(observed, Number.MIN_VALUE)));
    this.difficulty *= factor;
    this.lastHeight = top;
    chain.retime(this.difficulty / this.hashRate);
  }
}
