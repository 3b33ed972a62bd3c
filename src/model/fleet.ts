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

  constructor(config: FleetConfig, agents: number, stream: (name: string) => Rng) {
    const n = config.size;
    this.size = n;
    this.location = new Uint8Array(n);
    this.agent = new Int32Array(n);
    this.capacityKwh = new Float64Array(n);
    this.powerKw = new Float64Array(n);
    this.efficiency = new Float64Array(n);
    this.reserve = new Float64Array(n);
    this.costQuadratic = new Float64Array(n);
    this.costLinear = new Float64Array(n);
    this.soc = new Float64Array(n);
    this.arrivalSoc = new Float64Array(n);
    this.arrivesAt = new Float64Array(n);
    this.departsAt = new Float64Array(n);

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
    ({ id: this.id, first: this.first } = agentMajorOrder(this.agent, agents));
    for (const values of [this.location, this.agent, this.capacityKwh, this.powerKw, this.efficiency, this.reserve, this.costQuadratic, this.costLinear]) {
      const drawn = values.slice();
      for (let j = 0; j < n; j++) values[j] = drawn[this.id[j]];
    }
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
