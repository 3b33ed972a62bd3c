// Every EV's charging sessions over a run, drawn up front from a stream of the EV's own: an EV's
// sessions depend on the run's world key and its id only, never on the fleet size or on any decision.
// Sessions of the EV at fleet index i are first[i]..first[i + 1] - 1, in time order, in typed arrays.

import { entityStream, type Rng } from '../engine/rng.js';
import { ensureLength } from '../engine/typedArrays.js';
import type { Fleet } from './fleet.js';
import type { FleetConfig } from './schema.js';
import { sessionSampler } from './sessions.js';

const DAY = 86400;

export class SessionTable {
  /** Sessions of EV i are first[i]..first[i + 1] - 1. */
  readonly first: Int32Array;
  /** When each session starts and ends (seconds; a start may lie in the day before the run) and its state of charge at arrival. */
  arrive = new Float64Array(0);
  depart = new Float64Array(0);
  soc = new Float64Array(0);
  count = 0;

  /**
   * Sessions of every EV that `includes` (default: all) that end after 0 and start no later than `duration`;
   * an EV left out has none (each EV's stream is its own, so the others' sessions are the same either way).
   */
  constructor(fleet: Fleet, config: FleetConfig, duration: number, worldKey: string, includes: (i: number) => boolean = () => true) {
    let current: Rng = () => 0;
    const draw: Rng = () => current();
    const sessions = sessionSampler(config, { arrival: draw, connection: draw, soc: draw });
    this.first = new Int32Array(fleet.size + 1);
    for (let i = 0; i < fleet.size; i++) {
      if (includes(i)) {
        current = entityStream(`${worldKey}/ev/${fleet.id[i]}`);
        const location = fleet.location[i];
        let arrive = -DAY + sessions.arrivalTimeOfDay(location);
        for (;;) {
          const depart = arrive + sessions.connectionTime(location);
          const soc = sessions.arrivalSoc(location, fleet.capacityKwh[i]);
          if (depart > 0) this.push(arrive, depart, soc);
          let next = (Math.floor(arrive / DAY) + 1) * DAY + sessions.arrivalTimeOfDay(location);
          while (next < depart) next += DAY;
          if (next > duration) break;
          arrive = next;
        }
      }
      this.first[i + 1] = this.count;
    }
  }

  private push(arrive: number, depart: number, soc: number): void {
    const n = this.count + 1;
    this.arrive = ensureLength(this.arrive, n);
    this.depart = ensureLength(this.depart, n);
    this.soc = ensureLength(this.soc, n);
    this.arrive[this.count] = arrive;
    this.depart[this.count] = depart;
    this.soc[this.count++] = soc;
  }
}
