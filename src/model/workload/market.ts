// The `market` workload: EVs arrive and leave by measured daily behaviour, each market interval every
// grid agent negotiates with the EVs plugged in at it, and the EVs settle their trades on the ledger.

import type { MarketWorkloadConfig } from '../../scenario/schema.js';
import type { FleetConfig, GridConfig, MarketConfig } from '../schema.js';
import { Fleet } from '../fleet.js';
import { GridAgents, profileAt } from '../grid.js';
import { PluggedLists } from '../plugged.js';
import { Settlement } from '../settlement.js';
import { sessionSampler, type SessionSampler } from '../sessions.js';
import { MarketWorkspace, optimalityGap, solveMarket, type MarketInstance, type MarketTerms } from '../market/solve.js';
import type { MarketIntervalRecord, Workload, WorkloadContext, WorkloadGauges, WorkloadReport } from './workload.js';

const DAY = 86400;

export interface MarketScenario {
  fleet: FleetConfig;
  grid: GridConfig;
  market: MarketConfig;
  workload: MarketWorkloadConfig;
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
  optimalWelfare: number;
}

export class MarketWorkload implements Workload {
  readonly fleet: Fleet;
  readonly grid: GridAgents;
  readonly plugged: PluggedLists;
  readonly settlement: Settlement;
  /** Smallest margin by which a departing EV's state of charge exceeded min(reserve, arrival state of charge). */
  minDepartureMargin = Infinity;
  private readonly sessions: SessionSampler;
  private readonly records: MarketIntervalRecord[] = [];
  private readonly totals: Totals = { energy: 0, gridCost: 0, evRevenue: 0, welfare: 0, optimalWelfare: 0 };
  private bucketEnergy = 0;
  private bucketPayment = 0;
  private intervalIndex = 0;
  private readonly settleEvery: number;
  private readonly workspace = new MarketWorkspace();
  private readonly instance: MarketInstance & { a: Float64Array; b: Float64Array; limit: Float64Array };
  private readonly terms: MarketTerms;
  private readonly arriveKind: number;
  private readonly departKind: number;
  private readonly clearKind: number;
  private readonly offerKind: number;
  /** Each EV's fixed delay from a settlement round to its offer (its own clock's phase), seconds. */
  private readonly settlementPhase: Float64Array;

  constructor(private readonly scenario: MarketScenario, private readonly ctx: WorkloadContext) {
    const { fleet, grid, market } = scenario;
    this.fleet = new Fleet(fleet, grid.agents, ctx.stream);
    const evsPerAgent = this.fleet.perAgent(grid.agents);
    this.grid = new GridAgents(grid, evsPerAgent, ctx.stream);
    this.plugged = new PluggedLists(fleet.size, evsPerAgent);
    this.settlement = new Settlement(fleet.size, market.settlement, scenario.workload.txSize, ctx);
    this.sessions = sessionSampler(fleet, {
      arrival: ctx.stream('fleet.arrivalTime'),
      connection: ctx.stream('fleet.connectionTime'),
      soc: ctx.stream('fleet.arrivalSoc'),
    });
    this.settleEvery = Math.max(1, Math.round(market.settlement.period / market.interval));
    const most = Math.max(1, ...evsPerAgent);
    this.instance = {
      a: new Float64Array(most), b: new Float64Array(most), limit: new Float64Array(most),
      count: 0, demand: 0, peakerPrice: 0, priceMin: this.grid.priceMin, priceMax: this.grid.priceMax,
    };
    this.terms = { bargainingPower: market.bargainingPower, tariff: 0 };
    this.arriveKind = ctx.sim.register((ev) => this.arrive(ev));
    this.departKind = ctx.sim.register((ev) => this.depart(ev));
    this.clearKind = ctx.sim.register(() => this.clear());
    this.offerKind = ctx.sim.register((ev) => this.settlement.offer(ev));
    const spread = market.settlement.spread ?? this.settleEvery * market.interval;
    const phase = ctx.stream('settlement.phase');
    this.settlementPhase = Float64Array.from({ length: fleet.size }, () => phase() * spread);
  }

  /** Plugs in the EVs still connected from the day before the run, schedules everyone's arrival and the first clearing. */
  start(): void {
    const { fleet, sessions } = this;
    for (let i = 0; i < fleet.size; i++) {
      const loc = fleet.location[i];
      const arrives = -DAY + sessions.arrivalTimeOfDay(loc);
      const departs = arrives + sessions.connectionTime(loc);
      fleet.arrivesAt[i] = arrives;
      if (departs > 0) this.plugIn(i, departs);
      else this.scheduleNextArrival(i, departs);
    }
    this.ctx.sim.schedule(0, this.clearKind);
  }

  gauges(): WorkloadGauges {
    const price = this.bucketEnergy > 0 ? this.bucketPayment / this.bucketEnergy : null;
    const energyKwh = this.bucketEnergy;
    this.bucketEnergy = this.bucketPayment = 0;
    return { price, energyKwh };
  }

  report(): WorkloadReport {
    const t = this.totals;
    return {
      energyTradedKwh: t.energy,
      gridCost: t.gridCost,
      evRevenue: t.evRevenue,
      socialWelfare: t.welfare,
      optimalityGap: optimalityGap(t.welfare, t.optimalWelfare),
      settlementDelayMeanS: this.settlement.delayMean(),
    };
  }

  intervals(): MarketIntervalRecord[] {
    return this.records;
  }

  private plugIn(i: number, departs: number): void {
    const { fleet } = this;
    const soc = this.sessions.arrivalSoc(fleet.location[i], fleet.capacityKwh[i]);
    fleet.soc[i] = fleet.arrivalSoc[i] = soc;
    fleet.departsAt[i] = departs;
    this.plugged.add(fleet.agent[i], i);
    if (departs <= this.ctx.duration) this.ctx.sim.at(departs, this.departKind, i);
  }

  /** The next daily arrival: the first day after the last arrival's day whose drawn time is not before `after`. */
  private scheduleNextArrival(i: number, after: number): void {
    const fleet = this.fleet;
    let t = (Math.floor(fleet.arrivesAt[i] / DAY) + 1) * DAY + this.sessions.arrivalTimeOfDay(fleet.location[i]);
    while (t < after) t += DAY;
    fleet.arrivesAt[i] = t;
    if (t <= this.ctx.duration) this.ctx.sim.at(t, this.arriveKind, i);
  }

  private arrive(i: number): void {
    const now = this.ctx.sim.now;
    this.plugIn(i, now + this.sessions.connectionTime(this.fleet.location[i]));
  }

  private depart(i: number): void {
    const { fleet } = this;
    this.plugged.remove(fleet.agent[i], i);
    this.settlement.flush(i);
    const margin = fleet.soc[i] - Math.min(fleet.reserve[i], fleet.arrivalSoc[i]);
    if (margin < this.minDepartureMargin) this.minDepartureMargin = margin;
    this.scheduleNextArrival(i, this.ctx.sim.now);
  }

  /** One market interval: every grid agent negotiates with its plugged-in EVs; then a settlement round if one is due. */
  private clear(): void {
    const { sim, duration, warmup } = this.ctx;
    const t = sim.now;
    const { market } = this.scenario;
    const seconds = market.interval;
    const hours = seconds / 3600;
    const { fleet, grid, instance, plugged, settlement } = this;
    const { a, b, limit } = instance;
    this.terms.tariff = typeof market.tariff === 'number' ? market.tariff : profileAt(market.tariff, t);
    for (let g = 0; g < grid.count; g++) {
      const n = plugged.counts[g];
      const list = plugged.lists[g];
      for (let j = 0; j < n; j++) {
        const ev = list[j];
        a[j] = fleet.costQuadratic[ev] / hours;
        b[j] = fleet.costLinear[ev];
        limit[j] = fleet.deliverable(ev, Math.min(seconds, fleet.departsAt[ev] - t) / 3600);
      }
      instance.count = n;
      instance.demand = grid.deficit(g, t, seconds);
      instance.peakerPrice = grid.peakerPrice[g];
      const out = solveMarket(market.kind, instance, this.terms, this.workspace);
      const energy = out.energy;
      for (let j = 0; j < n; j++) {
        const e = energy[j];
        if (e <= 0) continue;
        fleet.discharge(list[j], e);
        settlement.trade(list[j], out.price * e, t);
      }
      this.records.push({
        t_s: t, agent: g, price: out.price, energy_kwh: out.energyTotal, demand_kwh: instance.demand, evs: n,
        grid_cost: out.gridCost, ev_revenue: out.evRevenue, social_welfare: out.socialWelfare, optimal_welfare: out.optimalWelfare, optimal_price: out.optimalPrice,
      });
      this.bucketEnergy += out.energyTotal;
      this.bucketPayment += out.evRevenue;
      if (t >= warmup) {
        this.totals.energy += out.energyTotal;
        this.totals.gridCost += out.gridCost;
        this.totals.evRevenue += out.evRevenue;
        this.totals.welfare += out.socialWelfare;
        this.totals.optimalWelfare += out.optimalWelfare;
      }
    }
    if (++this.intervalIndex % this.settleEvery === 0) {
      for (let g = 0; g < grid.count; g++) {
        const list = plugged.lists[g];
        for (let j = 0, n = plugged.counts[g]; j < n; j++) {
          const ev = list[j];
          if (this.settlementPhase[ev] === 0) settlement.offer(ev);
          else sim.schedule(this.settlementPhase[ev], this.offerKind, ev);
        }
      }
    }
    if (t + seconds < duration) sim.schedule(seconds, this.clearKind);
  }
}
