// Block clocks: when the next block is due and who makes it. The chain asks its clock for the wait to the
// next block and, when it is due, for its producer (-1: nobody, an empty slot). Exponential waits serve
// pow, poet and pob (the minimum of memoryless per-producer waits, the finder drawn by weight); fixed
// slots with a stake-weighted proposer who may be offline serve pos.

import { exponential, type Rng } from '../../engine/rng.js';
import { WeightedPick } from './weightedPick.js';

export interface BlockClock {
  /** Seconds from now to the next block (or slot). */
  wait(): number;
  /** The producer of the block due now, or -1 when the slot stays empty. */
  producer(): number;
  /** Changes the mean time between blocks from now on (difficulty retargeting), where the clock allows it. */
  retime?(blockInterval: number): void;
}

/** One Poisson clock at the total rate of all producers; the finder is drawn in proportion to its weight. */
export class PoissonClock implements BlockClock {
  private readonly pick: WeightedPick;

  constructor(private meanInterval: number, weights: readonly number[], private readonly timing: Rng, private readonly choosing: Rng) {
    this.pick = new WeightedPick(weights);
  }

  wait(): number {
    return exponential(this.timing, this.meanInterval);
  }

  producer(): number {
    return this.pick.draw(this.choosing);
  }

  retime(blockInterval: number): void {
    this.meanInterval = blockInterval;
  }
}

/** Fixed slots of `slot` seconds; each slot's proposer is drawn by weight and is online with probability `availability`. */
export class SlotClock implements BlockClock {
  /** Slots whose proposer was offline. */
  emptySlots = 0;
  private readonly pick: WeightedPick;

  constructor(private readonly slot: number, weights: readonly number[], private readonly availability: number, private readonly choosing: Rng, private readonly online: Rng) {
    this.pick = new WeightedPick(weights);
  }

  wait(): number {
    return this.slot;
  }

  producer(): number {
    const proposer = this.pick.draw(this.choosing);
    if (this.online() < this.availability) return proposer;
    this.emptySlots++;
    return -1;
  }
}
