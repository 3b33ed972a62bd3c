// The `market` workload: the run's world (fleet, every EV's sessions, every agent's deficits) is drawn
// up front and the day-ahead optimum solved on it (or, where asked, after the run); EVs arrive and leave by
// their sessions, each market interval every grid agent negotiates with the EVs plugged in at it (or,
// for `optimal`, they follow the optimum's schedule), and the EVs settle their trades on the ledger. EVs
// also charge for departure by the day-ahead charging plan (src/model/charging/), which bounds what they
// sell and books the owners' side.

import type { MarketWorkloadConfig } from '../../scenario/schema.js';
import type { FleetConfig, GridConfig, MarketConfig } from '../schema.js';
import { Fleet, type SharedFleet } from '../fleet.js';
import { agentFlags, GridAgents, profileAt } from '../grid.js';
import { PluggedLists } from '../plugged.js';
import { Settlement } from '../settlement.js';
import { SessionTable } from '../sessionTable.js';
import { dayAheadOptimumOf, DayAheadOptimum } from '../optimum.js';
import { MarketWorkspace, optimalityGap, solveMarket, type MarketInstance, type MarketOutcome, type MarketTerms } from '../market/solve.js';
import { ChargingPlan } from '../charging/plan.js';
import { OwnerAccounts, chargingColumns, chargingReport, type ChargingReport, type EvRow, type EvRowSource } from '../charging/owners.js';
import { ProtocolMessages } from '../charging/messages.js';
import { OfferRounds } from './offerRounds.js';
import type { ChargingConfig } from '../charging/schema.js';
import type { MarketIntervalRecord, Workload, WorkloadContext, WorkloadGauges, WorkloadReport } from './workload.js';
import { fillOptimumColumns, optimalWelfareAfter, optimumColumns, type OptimumColumns } from './optimumColumns.js';

export interface MarketScenario {
  fleet: FleetConfig;
  grid: GridConfig;
  market: MarketConfig;
  workload: MarketWorkloadConfig;
  charging: ChargingConfig;
}

export function createMarketWorkload(scenario: MarketScenario, ctx: WorkloadContext): Workload {
  return new MarketWorkload(scenario, ctx);
}

/** Market outcome sums over intervals after warm-up. */
interface Totals {
  energy: number;
  gridCost: number;
  evRevenue: number;
  welfare: number;
}

export class MarketWorkload implements Workload {
  readonly fleet: Fleet;
  readonly grid: GridAgents;
  readonly plugged: PluggedLists;
  readonly settlement: Settlement;
  readonly sessions: SessionTable;
  readonly charging: ChargingPlan;
  readonly owners: OwnerAccounts;
  private readonly messages: ProtocolMessages | null;
  /** Sums over the bucket's market intervals of EV charging (kW), kWh dischargeable above reserves, and deficit (kW). */
  private bucketChargingKw = 0;
  private bucketV2gKwh = 0;
  private bucketDeficitKw = 0;
  /** Smallest margin by which a departing EV's state of charge exceeded min(reserve, arrival state of charge). */
  minDepartureMargin = Infinity;
  /** Each EV's current (or next) session in the session table. */
  private readonly session: Int32Array;
  /** The agents `ownsAgent` picks, as flags (1: owned), for this workload's own loops (see agentFlags). */
  private readonly ownedAgent: Uint8Array;
  /** Each EV's settlement fee per kWh sold, part of its linear cost (0 on a feeless ledger). */
  private readonly feePerKwh: Float64Array;
  private readonly records: MarketIntervalRecord[] = [];
  private readonly totals: Totals = { energy: 0, gridCost: 0, evRevenue: 0, welfare: 0 };
  private bucketEnergy = 0;
  private bucketPayment = 0;
  /** Sums over the bucket's market intervals of net load and V2G capacity (kW), and how many intervals. */
  private bucketLoadKw = 0;
  private bucketCapacityKw = 0;
  private bucketIntervals = 0;
  private intervalIndex = 0;
  private readonly settleEvery: number;
  private readonly workspace = new MarketWorkspace();
  private readonly instance: MarketInstance & { a: Float64Array; b: Float64Array; limit: Float64Array };
  /** The optimum's allocation of the EVs of the instance (kind optimal). */
  private readonly scheduled: Float64Array;
  private readonly terms: MarketTerms;
  private readonly arriveKind: number;
  private readonly departKind: number;
  private readonly clearKind: number;
  /** Each settlement round's delayed offers, scheduled as one sorted run of events. */
  private readonly offers: OfferRounds;
  private readonly solveOptimum: () => DayAheadOptimum;
  private solvedOptimum: DayAheadOptimum | undefined;
  /** Whether the market rows leave the optimum's columns to be filled in after the run (optimumLater). */
  private readonly optimumLater: boolean;
  /** Each EV's fixed delay from a settlement round to its offer (its own clock's phase), seconds. */
  private readonly settlementPhase: Float64Array;

  /**
   * `ownsAgent` picks the grid agents (and their EVs) this workload simulates: all of them, or one partition of a split
   * run; `sharedFleet`: the fleet as the split run's thread drew it for all its partitions (else this workload draws it);
   * `optimumLater`: solve the day-ahead optimum when first asked for (optimumColumns, report), not before the run, the
   * market rows' optimum columns NaN until then (a split run's partitions beside a ledger of its own thread: that
   * ledger gets the first window sooner); ignored for market kind `optimal`, which follows the optimum's schedule.
   */
  constructor(private readonly scenario: MarketScenario, private readonly ctx: WorkloadContext, private readonly ownsAgent: (g: number) => boolean = () => true, sharedFleet?: SharedFleet, optimumLater = false) {
    const { fleet, grid, market } = scenario;
    this.ownedAgent = agentFlags(grid.agents, ownsAgent);
    this.fleet = new Fleet(fleet, grid.agents, ctx.stream, sharedFleet);
    const evsPerAgent = this.fleet.perAgent();
    const intervals = Math.ceil(ctx.duration / market.interval);
    this.grid = new GridAgents(grid, intervals, market.interval, ctx.stream);
    const worldKey = String(ctx.stream('fleet.sessions')());
    this.sessions = new SessionTable(this.fleet, fleet, ctx.duration, worldKey, (i) => this.ownedAgent[this.fleet.agent[i]] === 1);
    const window = { seconds: market.interval, firstInterval: Math.ceil(ctx.warmup / market.interval), intervals };
    this.charging = new ChargingPlan(this.fleet, this.sessions, this.grid, market.interval, scenario.charging, ownsAgent);
    const owned = Array.from(this.ownedAgent, (flag) => flag === 1);
    const key = JSON.stringify([worldKey, fleet, grid, window, scenario.charging, owned]);
    const followsSchedule = market.kind === 'optimal';
    this.solveOptimum = () => dayAheadOptimumOf(key, () => new DayAheadOptimum(this.fleet, this.sessions, this.grid, window, this.charging, ownsAgent, followsSchedule), followsSchedule);
    this.optimumLater = optimumLater && !followsSchedule;
    if (!this.optimumLater) this.solvedOptimum = this.solveOptimum();
    // Per-EV arrays of the whole fleet are written only for this workload's own EVs: in a split run the other
    // partitions' pages stay untouched, so they take no memory (EVs are stored agent by agent).
    this.session = new Int32Array(fleet.size);
    this.forOwnEvs((i) => (this.session[i] = this.sessions.first[i]));
    this.owners = new OwnerAccounts(this.fleet, this.charging);
    const { settleMessages, policy } = scenario.charging;
    this.messages = settleMessages && policy === 'valley-filling' ? new ProtocolMessages(scenario.charging, ctx) : null;
    this.plugged = new PluggedLists(fleet.size, evsPerAgent);
    this.settlement = new Settlement(fleet.size, market.settlement, scenario.workload.txSize, ctx);
    this.settleEvery = Math.max(1, Math.round(market.settlement.period / market.interval));
    this.feePerKwh = this.feeShares(ctx.ledger.feeFor(scenario.workload.txSize));
    const most = Math.max(1, ...evsPerAgent);
    this.instance = {
      a: new Float64Array(most), b: new Float64Array(most), limit: new Float64Array(most),
      count: 0, demand: 0, peakerPrice: 0, priceMin: this.grid.priceMin, priceMax: this.grid.priceMax,
    };
    this.scheduled = new Float64Array(most);
    this.terms = { bargainingPower: market.bargainingPower, tariff: 0 };
    this.arriveKind = ctx.sim.register((ev) => this.plugIn(ev));
    this.departKind = ctx.sim.register((ev) => this.depart(ev));
    this.clearKind = ctx.sim.register(() => this.clear());
    const spread = market.settlement.spread ?? this.settleEvery * market.interval;
    const phase = ctx.stream('settlement.phase');
    const phases = Float64Array.from({ length: fleet.size }, () => phase() * spread);
    this.settlementPhase = new Float64Array(fleet.size);
    const ownEvs: number[] = [];
    this.forOwnEvs((i) => {
      this.settlementPhase[i] = phases[this.fleet.id[i]];
      ownEvs.push(i);
    });
    this.offers = new OfferRounds(ctx.sim, this.settlementPhase, Int32Array.from(ownEvs), spread, this.settleEvery * market.interval, (ev) => this.settlement.offer(ev));
  }

  /** The day-ahead optimum of this workload's agents, solved when first asked for where it was left for later. */
  get optimum(): DayAheadOptimum {
    return (this.solvedOptimum ??= this.solveOptimum());
  }

  /** The optimum's columns of this workload's agents' market rows (solving it now where it was left for later). */
  optimumColumns(): OptimumColumns {
    return optimumColumns(this.optimum, this.ownedAgent, this.grid.intervals);
  }

  /** Calls `f` with the fleet index of every EV of this workload's agents. */
  private forOwnEvs(f: (i: number) => void): void {
    for (let g = 0; g < this.grid.count; g++) {
      if (this.ownedAgent[g] === 0) continue;
      for (let i = this.fleet.first[g]; i < this.fleet.first[g + 1]; i++) f(i);
    }
  }

  /** Plugs in the EVs whose first session began before the run, schedules everyone else's arrival and the first clearing. */
  start(): void {
    for (let i = 0; i < this.fleet.size; i++) if (this.ownedAgent[this.fleet.agent[i]] === 1) this.scheduleArrival(i);
    this.messages?.schedule(this.charging, this.fleet, this.sessions, this.ownsAgent);
    this.ctx.sim.schedule(0, this.clearKind);
  }

  gauges(): WorkloadGauges {
    const price = this.bucketEnergy > 0 ? this.bucketPayment / this.bucketEnergy : null;
    const energyKwh = this.bucketEnergy;
    const n = this.bucketIntervals;
    const loadKw = n > 0 ? this.bucketLoadKw / n : null;
    const v2gCapacityKw = n > 0 ? this.bucketCapacityKw / n : null;
    const charging = { chargingKw: n > 0 ? this.bucketChargingKw / n : null, v2gEnergyKwh: n > 0 ? this.bucketV2gKwh / n : null, deficitKw: n > 0 ? this.bucketDeficitKw / n : null };
    this.bucketEnergy = this.bucketPayment = this.bucketLoadKw = this.bucketCapacityKw = this.bucketIntervals = 0;
    this.bucketChargingKw = this.bucketV2gKwh = this.bucketDeficitKw = 0;
    return { price, energyKwh, loadKw, v2gCapacityKw, ...charging };
  }

  report(): WorkloadReport {
    const t = this.totals;
    if (this.optimumLater) {
      const columns = this.optimumColumns();
      fillOptimumColumns(this.records, this.scenario.market.interval, () => columns);
    }
    return {
      energyTradedKwh: t.energy,
      gridCost: t.gridCost,
      evRevenue: t.evRevenue,
      socialWelfare: t.welfare,
      optimalityGap: optimalityGap(t.welfare, optimalWelfareAfter(this.records, this.ctx.warmup)),
      settlementDelayMeanS: this.settlement.delayMean(),
      ...this.chargingReport(),
    };
  }

  /** The charging plan's rounds and the owners' side over the run (evs.csv aggregated). */
  private chargingReport(): ChargingReport {
    return chargingReport(chargingColumns(this.evs()), this.charging.rounds());
  }

  /** evs.csv: one row per EV this workload simulates (the owner's side of V2G and charging over the run), in fleet order (agent by agent). */
  evs(): EvRow[] {
    return this.owners.rows(this.sessions, this.settlement.feesPaid, (i) => this.ownedAgent[this.fleet.agent[i]] === 1);
  }

  /** The same rows in EV id order, made a batch at a time. */
  evRowSource(): EvRowSource {
    const { fleet, sessions } = this;
    // The ids are 0..size - 1: the index of each id, then this workload's EVs in id order.
    const indexOf = new Int32Array(fleet.size);
    for (let i = 0; i < fleet.size; i++) indexOf[fleet.id[i]] = i;
    let count = 0;
    const own = new Int32Array(fleet.size);
    for (let id = 0; id < fleet.size; id++) if (this.ownedAgent[fleet.agent[indexOf[id]]] === 1) own[count++] = indexOf[id];
    const order = own.subarray(0, count);
    const fees = this.settlement.feesPaid;
    return { count: order.length, rows: (from, to) => Array.from(order.subarray(from, to), (i) => this.owners.row(i, sessions, fees)) };
  }

  intervals(): MarketIntervalRecord[] {
    return this.records;
  }

  /**
   * The fee an EV pays per kWh it sells: the ledger's fee spread over what one settlement transaction
   * carries when the EV sells at full power for the settlement period (0 on a feeless ledger).
   */
  private feeShares(fee: number): Float64Array {
    const { fleet } = this;
    const hoursPerSettlement = (this.settleEvery * this.scenario.market.interval) / 3600;
    const shares = new Float64Array(fleet.size);
    if (fee > 0) this.forOwnEvs((i) => (shares[i] = fee / Math.max(1e-9, fleet.powerKw[i] * hoursPerSettlement)));
    return shares;
  }

  /** Plugs EV i in now if its current session has begun, else schedules its arrival (if within the run). */
  private scheduleArrival(i: number): void {
    const { sessions, fleet } = this;
    const s = this.session[i];
    if (s >= sessions.first[i + 1]) return;
    fleet.arrivesAt[i] = sessions.arrive[s];
    if (sessions.arrive[s] <= this.ctx.sim.now) this.plugIn(i);
    else if (sessions.arrive[s] <= this.ctx.duration) this.ctx.sim.at(sessions.arrive[s], this.arriveKind, i);
  }

  private plugIn(i: number): void {
    const { fleet, sessions } = this;
    const s = this.session[i];
    fleet.soc[i] = fleet.arrivalSoc[i] = sessions.soc[s];
    fleet.departsAt[i] = sessions.depart[s];
    this.plugged.add(fleet.agent[i], i);
    this.owners.plugIn(i, s);
    if (sessions.depart[s] <= this.ctx.duration) this.ctx.sim.at(sessions.depart[s], this.departKind, i);
  }

  private depart(i: number): void {
    const { fleet } = this;
    this.plugged.remove(fleet.agent[i], i);
    this.settlement.flush(i);
    const margin = fleet.soc[i] - Math.min(fleet.reserve[i], fleet.arrivalSoc[i]);
    if (margin < this.minDepartureMargin) this.minDepartureMargin = margin;
    this.owners.depart(i, this.session[i]);
    this.session[i]++;
    this.scheduleArrival(i);
  }

  /** One market interval: every grid agent negotiates with its plugged-in EVs; then a settlement round if one is due. */
  private clear(): void {
    const { sim, warmup } = this.ctx;
    const t = sim.now;
    const k = this.intervalIndex;
    const { market } = this.scenario;
    const seconds = market.interval;
    const hours = seconds / 3600;
    const { fleet, grid, instance, plugged, settlement, scheduled } = this;
    // Left for later, the optimum's columns are filled in after the run (optimumColumns).
    const optimum = this.optimumLater ? null : this.optimum;
    const { a, b, limit } = instance;
    this.terms.tariff = typeof market.tariff === 'number' ? market.tariff : profileAt(market.tariff, t);
    this.bucketIntervals++;
    for (let g = 0; g < grid.count; g++) {
      if (this.ownedAgent[g] === 0) continue;
      let v2gKwh = 0;
      const n = plugged.counts[g];
      const list = plugged.inOrder(g);
      for (let j = 0; j < n; j++) {
        const ev = list[j];
        a[j] = fleet.costQuadratic[ev] / hours;
        b[j] = fleet.costLinear[ev] + this.feePerKwh[ev];
        limit[j] = Math.min(fleet.deliverable(ev, Math.min(seconds, fleet.departsAt[ev] - t) / 3600), this.owners.prepare(ev, k));
        v2gKwh += fleet.deliverable(ev, Infinity);
        if (market.kind === 'optimal') scheduled[j] = Math.min(limit[j], this.optimum.energy(g, this.session[ev], k));
      }
      instance.count = n;
      let capacityKw = 0;
      for (let j = 0; j < n; j++) capacityKw += limit[j] / hours;
      this.bucketCapacityKw += capacityKw;
      instance.demand = grid.deficit(g, k);
      instance.peakerPrice = grid.peakerPrice[g];
      const out = market.kind === 'optimal' ? this.followOptimum(g, k, list, scheduled) : solveMarket(market.kind, instance, this.terms, this.workspace);
      const energy = out.energy;
      const buyPrice = out.energyTotal > 0 ? out.price : grid.peakerPrice[g];
      const chargedKwh = this.owners.settleAll(list, n, energy, out.price, buyPrice);
      let feeCost = 0;
      for (let j = 0; j < n; j++) {
        const e = energy[j];
        if (e <= 0) continue;
        feeCost += this.feePerKwh[list[j]] * e;
        fleet.discharge(list[j], e);
        settlement.trade(list[j], out.price * e, t);
      }
      // The fee is a transfer to the ledger, not a cost of the energy: welfare counts the EVs' own costs only.
      const socialWelfare = market.kind === 'optimal' ? out.socialWelfare : out.socialWelfare + feeCost;
      this.records.push({
        t_s: t, agent: g, price: out.price, energy_kwh: out.energyTotal, demand_kwh: instance.demand, evs: n,
        grid_cost: out.gridCost, ev_revenue: out.evRevenue, social_welfare: socialWelfare,
        optimal_welfare: optimum ? optimum.welfare(g, k) : NaN, optimal_price: optimum ? optimum.shadowPrice(g, k) : NaN, optimal_energy_kwh: optimum ? optimum.energyIn(g, k) : NaN,
        charging_kw: chargedKwh / hours, v2g_capacity_kw: capacityKw, v2g_energy_kwh: v2gKwh,
      });
      this.bucketEnergy += out.energyTotal;
      this.bucketLoadKw += grid.loadKw(g, t) - out.energyTotal / hours + chargedKwh / hours;
      this.bucketChargingKw += chargedKwh / hours;
      this.bucketV2gKwh += v2gKwh;
      this.bucketDeficitKw += instance.demand / hours;
      this.bucketPayment += out.evRevenue;
      if (t >= warmup) {
        this.totals.energy += out.energyTotal;
        this.totals.gridCost += out.gridCost;
        this.totals.evRevenue += out.evRevenue;
        this.totals.welfare += socialWelfare;
      }
    }
    if (++this.intervalIndex % this.settleEvery === 0) {
      for (let g = 0; g < grid.count; g++) {
        const list = plugged.lists[g];
        for (let j = 0, n = plugged.counts[g]; j < n; j++) {
          const ev = list[j];
          const phase = this.settlementPhase[ev];
          if (phase === 0) settlement.offer(ev);
          // An EV with nothing to settle whose offer comes before the next clearing would offer nothing: no event.
          else if (phase < seconds && !settlement.hasPending(ev)) continue;
          else this.offers.add(ev);
        }
      }
      this.offers.schedule();
    }
    if (t + seconds < this.ctx.duration) sim.schedule(seconds, this.clearKind);
  }

  /** Agent g's EVs sell what the day-ahead optimum schedules for them, at its shadow price (welfare at their own costs, without fees). */
  private followOptimum(g: number, k: number, list: Int32Array, scheduled: Float64Array): MarketOutcome {
    const { instance, fleet } = this;
    const price = this.optimum.shadowPrice(g, k);
    let energy = 0;
    let cost = 0;
    for (let j = 0; j < (instance.count ?? 0); j++) {
      const e = scheduled[j];
      energy += e;
      cost += instance.a[j] * e * e + fleet.costLinear[list[j]] * e;
    }
    const demand = instance.demand;
    // Delivered in full (every scheduled EV present and able), the interval's welfare is the optimum's own.
    const inFull = Math.abs(energy - this.optimum.energyIn(g, k)) <= 1e-9 * Math.max(1, energy);
    const socialWelfare = inFull ? this.optimum.welfare(g, k) : instance.peakerPrice * energy - cost;
    return {
      price, energy: scheduled, energyTotal: energy,
      gridCost: price * energy + instance.peakerPrice * (demand - energy), evRevenue: price * energy,
      socialWelfare, optimalWelfare: socialWelfare, optimalPrice: price, optimalityGap: 0,
    };
  }
}
