// The owner's side of each EV (after Kiaee, Cruden and Sharkh): what it sold and earned, what it charged and
// paid, its battery wear and ledger fees, and the net benefit of taking part in V2G against not taking part.
// It also enforces the departure energy: sold energy is made up from the charger's time the plan leaves spare.

import type { Fleet } from '../fleet.js';
import type { SessionTable } from '../sessionTable.js';
import type { ChargingPlan } from './plan.js';

/** evs.csv's columns after run_id and ledger. */
export const EV_COLUMNS = ['ev_id', 'agent', 'arrival_s', 'departure_s', 'energy_sold_kwh', 'energy_charged_kwh', 'revenue', 'charging_cost', 'degradation_cost', 'fees', 'net_benefit'] as const;
export type EvRow = Record<(typeof EV_COLUMNS)[number], number | null>;

export class OwnerAccounts {
  readonly sold: Float64Array;
  readonly revenue: Float64Array;
  readonly degradation: Float64Array;
  readonly charged: Float64Array;
  readonly chargingCost: Float64Array;
  /** What charging the energy V2G took out again cost (the only charging V2G adds; the plan is the same without it). */
  readonly makeUpCost: Float64Array;
  /** kWh each EV still has to recharge for what it sold (grid side: sold / efficiency). */
  private readonly pending: Float64Array;
  /** This session's charging less the battery energy sold, kWh. */
  private readonly sessionNet: Float64Array;
  /** kWh sold in the current session. */
  private readonly sessionSold: Float64Array;
  /** The current interval's planned and make-up kWh of each EV (between prepare and settle). */
  private readonly plannedNow: Float64Array;
  private readonly makeUpNow: Float64Array;
  /** Smallest margin (kWh) by which a departing session's net charging exceeded its need. */
  minDepartureMargin = Infinity;

  constructor(private readonly fleet: Fleet, private readonly plan: ChargingPlan) {
    const n = fleet.size;
    [this.sold, this.revenue, this.degradation, this.charged, this.chargingCost, this.makeUpCost, this.pending, this.sessionNet, this.sessionSold, this.plannedNow, this.makeUpNow] =
      Array.from({ length: 11 }, () => new Float64Array(n));
  }

  /** EV `ev` plugs in for a new session. */
  plugIn(ev: number): void {
    this.sessionNet[ev] = this.sessionSold[ev] = 0;
  }

  /**
   * Before the market of interval k: EV `ev` (session s) takes its planned charge and makes up what it owes from the
   * charger's power the plan leaves free; returns the most kWh it may sell: no more than it can make up in its later
   * intervals, so it always leaves with its departure energy (selling while the plan charges nets off on the charger).
   */
  prepare(ev: number, s: number, k: number): number {
    const plan = this.plan;
    const at = plan.at(s, k);
    if (at < 0) {
      this.plannedNow[ev] = this.makeUpNow[ev] = 0;
      return 0;
    }
    const planned = plan.energy[at];
    const free = plan.upper[at] - planned;
    const makeUp = Math.min(this.pending[ev], free);
    this.plannedNow[ev] = planned;
    this.makeUpNow[ev] = makeUp;
    if (k >= plan.saleEnd[s]) return 0;
    const recoverable = this.fleet.efficiency[ev] * (plan.spare[at] - (this.pending[ev] - makeUp));
    return Math.max(0, Math.min(recoverable, plan.saleBudget[s] - this.sessionSold[ev]));
  }

  /** After the market: EV `ev` sold `sold` kWh at `price` and bought its charging at `buyPrice`; returns the kWh it charged. */
  settle(ev: number, sold: number, price: number, buyPrice: number): number {
    const charged = this.plannedNow[ev] + this.makeUpNow[ev];
    const drawn = sold / this.fleet.efficiency[ev];
    this.pending[ev] += drawn - this.makeUpNow[ev];
    this.sessionNet[ev] += charged - drawn;
    this.sold[ev] += sold;
    this.sessionSold[ev] += sold;
    this.revenue[ev] += price * sold;
    this.degradation[ev] += this.fleet.costLinear[ev] * sold;
    this.charged[ev] += charged;
    this.chargingCost[ev] += buyPrice * charged;
    this.makeUpCost[ev] += buyPrice * this.makeUpNow[ev];
    return charged;
  }

  /** settle() for the first n EVs of `list`, which sold energy[j] each; returns the kWh they charged. */
  settleAll(list: Int32Array, n: number, energy: ArrayLike<number>, price: number, buyPrice: number): number {
    let charged = 0;
    for (let j = 0; j < n; j++) charged += this.settle(list[j], energy[j] > 0 ? energy[j] : 0, price, buyPrice);
    return charged;
  }

  /** kWh the first n EVs of `list` could deliver from what they hold above their reserves (Kempton and Letendre's V2G energy). */
  heldAboveReserves(list: Int32Array, n: number): number {
    let held = 0;
    for (let j = 0; j < n; j++) held += this.fleet.deliverable(list[j], Infinity);
    return held;
  }

  /** EV `ev` leaves at the end of session s: records how its charging met the session's need. */
  depart(ev: number, s: number): void {
    const margin = this.sessionNet[ev] - this.plan.need(this.fleet.agent[ev], s);
    if (margin < this.minDepartureMargin) this.minDepartureMargin = margin;
  }

  /** One evs.csv row per EV (its first session's arrival, its last session's departure), given each EV's ledger fees. */
  rows(sessions: SessionTable, fees: Float64Array): EvRow[] {
    const { fleet } = this;
    return Array.from({ length: fleet.size }, (_, i) => {
      const has = sessions.first[i + 1] > sessions.first[i];
      return {
        ev_id: i, agent: fleet.agent[i],
        arrival_s: has ? sessions.arrive[sessions.first[i]] : null,
        departure_s: has ? sessions.depart[sessions.first[i + 1] - 1] : null,
        energy_sold_kwh: this.sold[i], energy_charged_kwh: this.charged[i], revenue: this.revenue[i],
        charging_cost: this.chargingCost[i], degradation_cost: this.degradation[i], fees: fees[i],
        net_benefit: this.netBenefit(i, fees[i]),
      };
    });
  }

  /** Revenue less battery wear, ledger fees and the cost of recharging what was sold: the gain over not taking part. */
  netBenefit(i: number, fees: number): number {
    return this.revenue[i] - this.degradation[i] - fees - this.makeUpCost[i];
  }
}
