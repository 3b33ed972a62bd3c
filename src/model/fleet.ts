// The EV fleet as a struct of typed arrays: each EV's fixed parameters (location type, grid agent,
// battery, charger, efficiency, reserve, selling cost) and its state (state of charge, session times).
// EVs are drawn in id order and stored agent by agent (index j holds EV id[j]): an agent's clearing then
// reads one block of each array instead of EVs scattered over the whole fleet.

import type { Rng } from '../engine/rng.js';
import { sampler } from '../engine/distributions.js';
import type { FleetConfig } from './schema.js';
import { LOCATIONS } from './data/elaad.js';

/** Smallest quadratic cost coefficient kept (the best response needs a_i > 0). */
const MIN_COST_QUADRATIC = 1e-9;

/** The per-EV arrays a fleet is made of, as typed arrays a thread can hand to another (SharedFleet). */
const ARRAYS = ['id', 'location', 'agent', 'capacityKwh', 'powerKw', 'efficiency', 'reserve', 'costQuadratic', 'costLinear', 'soc', 'arrivalSoc', 'arrivesAt', 'departsAt'] as const;

/**
 * A fleet drawn once and shared by the partitions of a split run (its arrays on shared memory, so each
 * further thread does not keep its own copy): each partition writes the state of its own EVs only.
 */
export interface SharedFleet {
  arrays: Record<(typeof ARRAYS)[number], Int32Array | Uint8Array | Float64Array>;
  first: Int32Array;
}

export class Fleet {
  readonly size: number;
  /**
   * The EV's id (its place in the draw order, what evs.csv and the ledgers name it by) at each index. Indices
   * run agent by agent, ids ascending within an agent, so each agent sees its EVs in id order.
   */
  readonly id: Int32Array;
  /** The EVs of agent g are at indices first[g]..first[g + 1] - 1. */
  readonly first: Int32Array;
  /** Index into LOCATIONS. */
  readonly location: Uint8Array;
  /** Grid agent the EV plugs in at. */
  readonly agent: Int32Array;
  readonly capacityKwh: Float64Array;
  readonly powerKw: Float64Array;
  readonly efficiency: Float64Array;
  /** State of charge (fraction) the EV must keep for departure. */
  readonly reserve: Float64Array;
  /** a_i, currency/(kW^2 h). */
  readonly costQuadratic: Float64Array;
  /** b_i, currency/kWh. */
  readonly costLinear: Float64Array;
  /** Current state of charge (fraction). */
  readonly soc: Float64Array;
  /** State of charge when the current (or last) session began. */
  readonly arrivalSoc: Float64Array;
  /** Start and end of the current (or next) session, seconds. */
  readonly arrivesAt: Float64Array;
  readonly departsAt: Float64Array;

  /**
   * Draws the fleet (on shared memory when `shared`), or, given a SharedFleet another thread drew, takes its arrays
   * (the draw is the same whichever thread makes it: its streams are the fleet's own).
   */
  constructor(config: FleetConfig, agents: number, stream: (name: string) => Rng, from?: SharedFleet | 'shared') {
    const n = config.size;
    this.size = n;
    if (from && from !== 'shared') {
      ({ id: this.id, location: this.location, agent: this.agent, capacityKwh: this.capacityKwh, powerKw: this.powerKw, efficiency: this.efficiency, reserve: this.reserve, costQuadratic: this.costQuadratic, costLinear: this.costLinear, soc: this.soc, arrivalSoc: this.arrivalSoc, arrivesAt: this.arrivesAt, departsAt: this.departsAt } = from.arrays as Fleet);
      this.first = from.first;
      return;
    }
    const memory = (bytes: number) => (from === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const floats = () => new Float64Array(memory(8 * n));
    this.location = new Uint8Array(memory(n));
    this.agent = new Int32Array(memory(4 * n));
    this.capacityKwh = floats();
    this.powerKw = floats();
    this.efficiency = floats();
    this.reserve = floats();
    this.costQuadratic = floats();
    this.costLinear = floats();
    this.soc = floats();
    this.arrivalSoc = floats();
    this.arrivesAt = floats();
    this.departsAt = floats();

    const mix = LOCATIONS.map((l) => config.locations[l]);
    const mixTotal = mix.reduce((s, w) => s + w, 0);
    const locationRng = stream('fleet.location');
    const agentRng = stream('fleet.agent');
    const battery = sampler(config.batteryCapacity, stream('fleet.battery'));
    const power = sampler(config.chargerPower, stream('fleet.chargerPower'));
    const efficiency = sampler(config.efficiency, stream('fleet.efficiency'));
    const reserve = sampler(config.reserve, stream('fleet.reserve'));
    const costQuadratic = sampler(config.costQuadratic, stream('fleet.costQuadratic'));
    const costLinear = sampler(config.costLinear, stream('fleet.costLinear'));
    for (let i = 0; i < n; i++) {
      let u = locationRng() * mixTotal;
      let k = 0;
      while (k < mix.length - 1 && u >= mix[k]) u -= mix[k++];
      this.location[i] = k;
      this.agent[i] = Math.floor(agentRng() * agents);
      this.capacityKwh[i] = Math.max(1e-6, battery());
      this.powerKw[i] = Math.max(0, power());
      this.efficiency[i] = Math.min(1, Math.max(1e-6, efficiency()));
      this.reserve[i] = Math.min(1, Math.max(0, reserve()));
      this.costQuadratic[i] = Math.max(MIN_COST_QUADRATIC, costQuadratic());
      this.costLinear[i] = costLinear();
    }
    const order = agentMajorOrder(this.agent, agents);
    this.id = from === 'shared' ? new Int32Array(memory(4 * n)) : order.id;
    if (this.id !== order.id) this.id.set(order.id);
    this.first = order.first;
    for (const values of [this.location, this.agent, this.capacityKwh, this.powerKw, this.efficiency, this.reserve, this.costQuadratic, this.costLinear]) {
      const drawn = values.slice();
      for (let j = 0; j < n; j++) values[j] = drawn[this.id[j]];
    }
  }

  /** The fleet's arrays for another thread (on shared memory when the fleet was drawn with `shared`). */
  share(): SharedFleet {
    return { arrays: Object.fromEntries(ARRAYS.map((name) => [name, this[name]])) as SharedFleet['arrays'], first: this.first };
  }

  /** EVs assigned to each grid agent. */
  perAgent(): Int32Array {
    return this.first.subarray(1).map((end, g) => end - this.first[g]);
  }

  /**
   * kWh EV i can deliver to the grid in `hours`: bounded by its charger power and by the energy
   * above its reserve times the efficiency (the battery loses e / efficiency for e delivered).
   */
  deliverable(i: number, hours: number): number {
    const stored = (this.soc[i] - this.reserve[i]) * this.capacityKwh[i] * this.efficiency[i];
    return Math.max(0, Math.min(this.powerKw[i] * hours, stored));
  }

  /** Takes e kWh delivered to the grid out of EV i's battery, never below its reserve. */
  discharge(i: number, e: number): void {
    const soc = this.soc[i] - e / (this.efficiency[i] * this.capacityKwh[i]);
    this.soc[i] = soc < this.reserve[i] ? Math.min(this.soc[i], this.reserve[i]) : soc;
  }
}

/** The ids of EVs grouped by agent (a stable counting sort: ids ascending within each agent), and where each agent's group starts. */
function agentMajorOrder(agent: Int32Array, agents: number): { id: Int32Array; first: Int32Array } {
  const first = new Int32Array(agents + 1);
  for (let i = 0; i < agent.length; i++) first[agent[i] + 1]++;
  for (let g = 0; g < agents; g++) first[g + 1] += first[g];
  const next = first.slice(0, agents);
  const id = new Int32Array(agent.length);
  for (let i = 0; i < agent.length; i++) id[next[agent[i]]++] = i;
  return { id, first };
}
