// Charging sessions drawn from measured behaviour: the time of day an EV arrives (ElaadNL share per
// 15-minute slot), how long it stays and the energy it would charge (ElaadNL inverse CDF tables),
// per location type; or from distributions the scenario gives instead.

import type { Rng } from '../engine/rng.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { FleetConfig } from './schema.js';
import { ARRIVAL_SHARE_PERCENT, CONNECTION_HOURS_EXCEEDED, LOCATIONS, SESSION_KWH_EXCEEDED } from './data/elaad.js';

const DAY = 86400;
const SLOT = 900;
/** Lowest state of charge an arrival can have when derived from the energy it would charge. */
const MIN_ARRIVAL_SOC = 0.05;

/** Draws the three session quantities of an EV at location type index `location` (see LOCATIONS). */
export interface SessionSampler {
  /** Seconds after midnight. */
  arrivalTimeOfDay(location: number): number;
  /** Seconds plugged in. */
  connectionTime(location: number): number;
  /** State of charge at arrival for a battery of `capacityKwh`. */
  arrivalSoc(location: number, capacityKwh: number): number;
}

export function sessionSampler(fleet: FleetConfig, streams: { arrival: Rng; connection: Rng; soc: Rng }): SessionSampler {
  const arrival = fleet.arrivalTime === 'elaad' ? slotSamplers(streams.arrival) : fromDistribution(sampler(fleet.arrivalTime, streams.arrival), (t) => ((t % DAY) + DAY) % DAY);
  const connection = fleet.connectionTime === 'elaad'
    ? LOCATIONS.map((l) => inverseCdf(CONNECTION_HOURS_EXCEEDED[l], 3600, streams.connection))
    : fromDistribution(sampler(fleet.connectionTime, streams.connection), (t) => Math.max(0, t));
  const socDraw = fleet.arrivalSoc === 'elaad' ? null : sampler(fleet.arrivalSoc, streams.soc);
  const sessionKwh = LOCATIONS.map((l) => inverseCdf(SESSION_KWH_EXCEEDED[l], 1, streams.soc));
  return {
    arrivalTimeOfDay: (location) => arrival[location](),
    connectionTime: (location) => connection[location](),
    arrivalSoc: (location, capacityKwh) => {
      if (socDraw) return Math.min(1, Math.max(0, socDraw()));
      return Math.min(1, Math.max(MIN_ARRIVAL_SOC, 1 - sessionKwh[location]() / capacityKwh));
    },
  };
}

/** One sampler per location type, all the same: a scenario distribution mapped by `fix`. */
function fromDistribution(draw: Sampler, fix: (x: number) => number): Sampler[] {
  const one = () => fix(draw());
  return LOCATIONS.map(() => one);
}

/** Per location: a 15-minute slot drawn by its share of arrivals, then a uniform time within it. */
function slotSamplers(rng: Rng): Sampler[] {
  return LOCATIONS.map((l) => {
    const shares = ARRIVAL_SHARE_PERCENT[l];
    const cumulative = new Float64Array(shares.length);
    let total = 0;
    shares.forEach((s, i) => (cumulative[i] = total += s));
    return () => {
      const u = rng() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      return (lo + rng()) * SLOT;
    };
  });
}

/**
 * Draws from a table of values exceeded by p percent of sessions (p = 0..100): a uniform p,
 * linear interpolation between the two neighbouring rows, times `unit`.
 */
export function inverseCdf(exceeded: readonly number[], unit: number, rng: Rng): Sampler {
  const last = exceeded.length - 1;
  return () => {
    const x = rng() * last;
    const k = Math.floor(x);
    const f = x - k;
    return (exceeded[k] + (exceeded[k + 1] - exceeded[k]) * f) * unit;
  };
}
