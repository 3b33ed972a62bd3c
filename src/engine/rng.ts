// Named random streams derived from one run seed: each purpose (arrivals, tip selection, mining, ...)
// draws from its own seedrandom xor4096 generator, so a new draw in one place never shifts another.

import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

export class RngStreams {
  private readonly cache = new Map<string, Rng>();

  constructor(readonly seed: number | string) {}

  /** The stream called `name`; the same name always gives the same generator object. */
  stream(name: string): Rng {
    let rng = this.cache.get(name);
    if (!rng) {
      rng = seedrandom.xor4096(`${this.seed}/${name}`) as Rng;
      this.cache.set(name, rng);
    }
    return rng;
  }
}

/**
 * A light stream of its own for one of many entities (one per EV), not cached: `key` names the run's
 * world and the entity, so an entity's draws never depend on how many others there are.
 */
export function entityStream(key: string): Rng {
  return seedrandom.tychei(key) as Rng;
}

/** Exponential draw with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}
