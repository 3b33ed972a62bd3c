// Grid agents: each has a deficit over the day (load minus renewable output, the latter scaled by a
// weather draw from the agent's own stream), a peaker price pi_m and the price bounds it may post.

import type { Rng } from '../engine/rng.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { GridConfig } from './schema.js';

const DAY = 86400;

export class GridAgents {
  readonly count: number;
  readonly peakerPrice: Float64Array;
  readonly priceMin: number;
  readonly priceMax: number;
  private readonly weather: Sampler[];

  /** `evsPerAgent[g]` scales agent g's per-EV load and renewable profiles. */
  constructor(private readonly config: GridConfig, private readonly evsPerAgent: Int32Array, stream: (name: string) => Rng) {
    this.count = config.agents;
    const peaker = sampler(config.peakerPrice, stream('grid.peakerPrice'));
    this.peakerPrice = Float64Array.from({ length: this.count }, () => Math.max(0, peaker()));
    this.weather = Array.from({ length: this.count }, (_, g) => sampler(config.weather, stream(`grid.weather.${g}`)));
    this.priceMin = config.priceMin;
    this.priceMax = config.priceMax;
  }

  /** Agent g's deficit in kWh over [t, t + seconds): max(0, load - weather * renewable), one weather draw. */
  deficit(g: number, t: number, seconds: number): number {
    const load = profileAt(this.config.loadProfile, t);
    const solar = profileAt(this.config.solarProfile, t);
    const weather = Math.max(0, this.weather[g]());
    return Math.max(0, load - weather * solar) * this.evsPerAgent[g] * (seconds / 3600);
  }
}

/** Value of a profile of equal slots over the day at time t (seconds since the start, day 0 at 00:00). */
export function profileAt(profile: readonly number[], t: number): number {
  const tod = ((t % DAY) + DAY) % DAY;
  return profile[Math.min(profile.length - 1, Math.floor((tod / DAY) * profile.length))];
}
