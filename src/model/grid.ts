// Grid agents: each has its own load and renewable output in kW over the day (a profile shape scaled
// to a peak per agent, independent of the fleet), a weather draw per interval from the agent's own
// stream, the deficit per interval that follows, a peaker price pi_m and the price bounds it may post.

import type { Rng } from '../engine/rng.js';
import { sampler } from '../engine/distributions.js';
import type { GridConfig } from './schema.js';

const DAY = 86400;

export class GridAgents {
  readonly count: number;
  readonly peakerPrice: Float64Array;
  readonly priceMin: number;
  readonly priceMax: number;
  /** Agent g's deficit in kWh over market interval k at deficits[g * intervals + k]. */
  readonly deficits: Float64Array;

  /** Draws every agent's weather for `intervals` market intervals of `seconds` each, from 00:00 of day 0. */
  constructor(private readonly config: GridConfig, readonly intervals: number, seconds: number, stream: (name: string) => Rng) {
    this.count = config.agents;
    const peaker = sampler(config.peakerPrice, stream('grid.peakerPrice'));
    this.peakerPrice = Float64Array.from({ length: this.count }, () => Math.max(0, peaker()));
    this.priceMin = config.priceMin;
    this.priceMax = config.priceMax;
    this.deficits = new Float64Array(this.count * intervals);
    for (let g = 0; g < this.count; g++) {
      const weather = sampler(config.weather, stream(`grid.weather.${g}`));
      for (let k = 0; k < intervals; k++) {
        const t = k * seconds;
        const renewable = Math.max(0, weather()) * this.renewableKw(g, t);
        this.deficits[g * intervals + k] = Math.max(0, this.loadKw(g, t) - renewable) * (seconds / 3600);
      }
    }
  }

  /** Agent g's deficit in kWh over market interval k. */
  deficit(g: number, k: number): number {
    return this.deficits[g * this.intervals + k];
  }

  /** Agent g's load in kW at time t. */
  loadKw(g: number, t: number): number {
    return scaledProfileAt(this.config.load, g, t);
  }

  /** Agent g's clear-sky renewable output in kW at time t. */
  renewableKw(g: number, t: number): number {
    return scaledProfileAt(this.config.renewable, g, t);
  }
}

/** A profile shape scaled so its largest value is agent g's peak. */
function scaledProfileAt(daily: GridConfig['load'], g: number, t: number): number {
  const top = Math.max(...daily.profile);
  if (!(top > 0)) return 0;
  const peak = typeof daily.peakKw === 'number' ? daily.peakKw : daily.peakKw[g];
  return (profileAt(daily.profile, t) / top) * peak;
}

/**
 * Which agents `ownsAgent` picks, as flags (1: owned). Hot loops read these instead of calling the run's
 * own filter: V8 inlines a closure it has seen, so a loop calling each run's new closure was thrown
 * away and optimized again in every run of a sweep.
 */
export function agentFlags(count: number, ownsAgent: (g: number) => boolean): Uint8Array {
  const flags = new Uint8Array(count);
  for (let g = 0; g < count; g++) flags[g] = ownsAgent(g) ? 1 : 0;
  return flags;
}

/** Value of a profile of equal slots over the day at time t (seconds since the start, day 0 at 00:00). */
export function profileAt(profile: readonly number[], t: number): number {
  const tod = ((t % DAY) + DAY) % DAY;
  return profile[Math.min(profile.length - 1, Math.floor((tod / DAY) * profile.length))];
}
