// The owner's side of each EV (after Kiaee, Cruden and Sharkh): what it sold and earned, what it charged and
// paid, its battery wear and ledger fees, and the net benefit of taking part in V2G against not taking part.
// It also enforces the departure energy: sold energy is made up from the charger's time the plan leaves spare.

import type { Fleet } from '../fleet.js';
import type { SessionTable } from '../sessionTable.js';
import { filledAt, spareAfter, spareAfterFill, type ChargingPlan } from './plan.js';
import type { WorkloadReport } from '../workload/workload.js';

/** evs.csv's columns after run_id and ledger. */
export const EV_COLUMNS = ['ev_id', 'agent', 'arrival_s', 'departure_s', 'energy_sold_kwh', 'energy_charged_kwh', 'revenue', 'charging_cost', 'degradation_cost', 'fees', 'net_benefit'] as const;
export type EvRow = Record<(typeof EV_COLUMNS)[number], number | null>;

/** Offsets of an EV's session state: kWh still to recharge for what it sold (grid side), kWh sold, the current interval's
 * planned and make-up kWh (between prepare and settle), charging less battery energy sold, its window (first and end
 * interval), its plan (its start in the plan's layout where the plan keeps every interval, else the fill's end and
 * last kWh: ChargingPlan.sessionStart, fillEnd, fillLast), its sale limits (ChargingPlan.saleEnd, saleBudget) and the
 * charger's kWh bound in a full interval and in the last (ChargingPlan.sessionFull, sessionTail). */
const [PENDING, SESSION_SOLD, PLANNED, MAKE_UP, SESSION_NET, FIRST, END, START, FILL_END, FILL_LAST, SALE_END, SALE_BUDGET, FULL, TAIL, STATE] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

export class OwnerAccounts {
  readonly sold: Float64Array;
  readonly revenue: Float64Array;
  readonly degradation: Float64Array;
  readonly charged: Float64Array;
  readonly chargingCost: Float64Array;
  /** What charging the energy V2G took out again cost (the only charging V2G adds; the plan is the same without it). */
  readonly makeUpCost: Float64Array;
  /**
   * Each EV's state in the current session, one record of STATE fields per EV (read together every interval, so one
   * EV's fields share cache lines): see the offsets below.
   */
  private readonly state: Float64Array;
  /** Smallest margin (kWh) by which a departing session's net charging exceeded its need. */
  minDepartureMargin = Infinity;

  constructor(private readonly fleet: Fleet, private readonly plan: ChargingPlan) {
    const n = fleet.size;
    [this.sold, this.revenue, this.degradation, this.charged, this.chargingCost, this.makeUpCost] = Array.from({ length: 6 }, () => new Float64Array(n));
    this.state = new Float64Array(n * STATE);
  }

  /** EV `ev` plugs in for session s: its window in the plan and its sale limits. */
  plugIn(ev: number, s: number): void {
    const { plan, state } = this;
    const o = ev * STATE;
    state.fill(0, o, o + STATE);
    state[o + FIRST] = plan.sessionFirst[s];
    state[o + END] = plan.sessionFirst[s] + plan.sessionLength[s];
    if (plan.keepsIntervals) {
      state[o + START] = plan.sessionStart[s];
    } else {
      state[o + FILL_END] = plan.fillEnd[s];
      state[o + FILL_LAST] = plan.fillLast[s];
    }
    state[o + SALE_END] = plan.saleEnd[s];
    state[o + SALE_BUDGET] = plan.saleBudget[s];
    state[o + FULL] = plan.sessionFull[s];
    state[o + TAIL] = plan.sessionTail[s];
  }

  /**
   * Before the market of interval k: EV `ev` takes its planned charge and makes up what it owes from the charger's
   * power the plan leaves free; returns the most kWh it may sell: no more than it can make up in its later intervals,
   * so it always leaves with its departure energy (selling while the plan charges nets off on the charger).
   */
  prepare(ev: number, k: number): number {
    const { plan, state } = this;
    const o = ev * STATE;
    if (k < state[o + FIRST] || k >= state[o + END]) {
      state[o + PLANNED] = state[o + MAKE_UP] = 0;
      return 0;
    }
    const t = k - state[o + FIRST];
    const planned = plan.keepsIntervals ? plan.energy[state[o + START] + t] : filledAt(t, state[o + FILL_END], state[o + FILL_LAST], state[o + FULL]);
    const pending = state[o + PENDING];
    const upper = k === state[o + END] - 1 ? state[o + TAIL] : state[o + FULL];
    const makeUp = pending > 0 ? Math.min(pending, upper - planned) : 0;
    state[o + PLANNED] = planned;
    state[o + MAKE_UP] = makeUp;
    const budgetLeft = state[o + SALE_BUDGET] - state[o + SESSION_SOLD];
    // Past its sales window or budget, a session sells nothing, whatever the charger's spare time.
    if (k >= state[o + SALE_END] || !(budgetLeft > 0)) return 0;
    const n = state[o + END] - state[o + FIRST];
    const spare = plan.keepsIntervals
      ? spareAfter(plan.energy, state[o + START] + t, state[o + START] + n, state[o + FULL], state[o + TAIL])
      : spareAfterFill(t, n, state[o + FILL_END], state[o + FILL_LAST], state[o + FULL], state[o + TAIL]);
    const recoverable = this.fleet.efficiency[ev] * (spare - (pending - makeUp));
    return Math.max(0, Math.min(recoverable, budgetLeft));
  }

  /** After the market: EV `ev` sold `sold` kWh at `price` and bought its charging at `buyPrice`; returns the kWh it charged. */
  settle(ev: number, sold: number, price: number, buyPrice: number): number {
    const { state } = this;
    const o = ev * STATE;
    const makeUp = state[o + MAKE_UP];
    const charged = state[o + PLANNED] + makeUp;
    if (charged > 0) {
      state[o + SESSION_NET] += charged;
      this.charged[ev] += charged;
      this.chargingCost[ev] += buyPrice * charged;
    }
    if (makeUp > 0) {
      state[o + PENDING] -= makeUp;
      this.makeUpCost[ev] += buyPrice * makeUp;
    }
    if (sold > 0) {
      const drawn = sold / this.fleet.efficiency[ev];
      state[o + PENDING] += drawn;
      state[o + SESSION_NET] -= drawn;
      state[o + SESSION_SOLD] += sold;
      this.sold[ev] += sold;
      this.revenue[ev] += price * sold;
      this.degradation[ev] += this.fleet.costLinear[ev] * sold;
    }
    return charged;
  }

  /** settle() for the first n EVs of `list`, which sold energy[j] each; returns the kWh they charged. */
  settleAll(list: Int32Array, n: number, energy: ArrayLike<number>, price: number, buyPrice: number): number {
    let charged = 0;
    for (let j = 0; j < n; j++) charged += this.settle(list[j], energy[j] > 0 ? energy[j] : 0, price, buyPrice);
    return charged;
  }

  /** EV `ev` leaves at the end of session s: records how its charging met the session's need. */
  depart(ev: number, s: number): void {
    const margin = this.state[ev * STATE + SESSION_NET] - this.plan.need(this.fleet.agent[ev], s);
    if (margin < this.minDepartureMargin) this.minDepartureMargin = margin;
  }

  /** One evs.csv row per EV that `includes` (its first session's arrival, its last session's departure), given each EV's ledger fees. */
  rows(sessions: SessionTable, fees: Float64Array, includes: (ev: number) => boolean = () => true): EvRow[] {
    const rows: EvRow[] = [];
    for (let i = 0; i < this.fleet.size; i++) if (includes(i)) rows.push(this.row(i, sessions, fees));
    return rows;
  }

  /** evs.csv's row of EV i (its fleet index). */
  row(i: number, sessions: SessionTable, fees: Float64Array): EvRow {
    const { fleet } = this;
    const has = sessions.first[i + 1] > sessions.first[i];
    return {
      ev_id: fleet.id[i], agent: fleet.agent[i],
      arrival_s: has ? sessions.arrive[sessions.first[i]] : null,
      departure_s: has ? sessions.depart[sessions.first[i + 1] - 1] : null,
      energy_sold_kwh: this.sold[i], energy_charged_kwh: this.charged[i], revenue: this.revenue[i],
      charging_cost: this.chargingCost[i], degradation_cost: this.degradation[i], fees: fees[i],
      net_benefit: this.netBenefit(i, fees[i]),
    };
  }

  /** Revenue less battery wear, ledger fees and the cost of recharging what was sold: the gain over not taking part. */
  netBenefit(i: number, fees: number): number {
    return this.revenue[i] - this.degradation[i] - fees - this.makeUpCost[i];
  }
}

export type ChargingReport = Pick<WorkloadReport, 'chargingIterations' | 'chargingEnergyKwh' | 'chargingCost' | 'ownersLosingShare'>;

/** evs.csv rows made a batch at a time, in ascending EV id (so that only a batch of row objects lives at once). */
export interface EvRowSource {
  count: number;
  /** Rows from..to (exclusive) of the id order. */
  rows(from: number, to: number): EvRow[];
}

/** The evs.csv columns runs.csv's charging metrics are summed from, one entry per EV. */
export interface EvChargingColumns {
  charged: Float64Array;
  cost: Float64Array;
  netBenefit: Float64Array;
  /** 1 where the EV had a session (its arrival_s is not empty). */
  hasSession: Uint8Array;
}

/** The charging columns of evs.csv rows, in the rows' order. */
export function chargingColumns(rows: readonly EvRow[]): EvChargingColumns {
  const columns = emptyChargingColumns(rows.length);
  fillChargingColumns(columns, 0, rows);
  return columns;
}

/** Charging columns for `count` EVs, all zero. */
export function emptyChargingColumns(count: number): EvChargingColumns {
  return { charged: new Float64Array(count), cost: new Float64Array(count), netBenefit: new Float64Array(count), hasSession: new Uint8Array(count) };
}

/** Writes the charging columns of `rows` into `columns` from entry `at` on. */
export function fillChargingColumns(columns: EvChargingColumns, at: number, rows: readonly EvRow[]): void {
  rows.forEach((r, k) => {
    columns.charged[at + k] = r.energy_charged_kwh ?? 0;
    columns.cost[at + k] = r.charging_cost ?? 0;
    columns.netBenefit[at + k] = r.net_benefit ?? 0;
    columns.hasSession[at + k] = r.arrival_s !== null ? 1 : 0;
  });
}

/** runs.csv's charging metrics from the evs.csv columns (in EV order, so the sums are taken in one order) and each agent's plan rounds. */
export function chargingReport(evs: EvChargingColumns, rounds: number[]): ChargingReport {
  let energy = 0, cost = 0, withSessions = 0, losing = 0;
  for (let i = 0; i < evs.charged.length; i++) {
    energy += evs.charged[i];
    cost += evs.cost[i];
    if (evs.hasSession[i] === 1) {
      withSessions++;
      if (evs.netBenefit[i] < 0) losing++;
    }
  }
  return {
    chargingIterations: Math.max(0, ...rounds),
    chargingEnergyKwh: energy,
    chargingCost: cost,
    ownersLosingShare: withSessions > 0 ? losing / withSessions : null,
  };
}
