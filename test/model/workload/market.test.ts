// Checks the market workload: records, conservation of energy and money, reserves, determinism,
// common random numbers across ledgers, and fee-driven settlement batching.

import { describe, expect, it } from 'vitest';
import { runWorld } from './marketWorld.js';
import { DayAheadOptimum } from '../../../src/model/optimum.js';

/** One session per EV: arrival in the first two hours of day 0, a 20 h stay, a 23 h run. */
const ONE_SESSION = { arrivalTime: { dist: 'uniform', min: '0h', max: '2h' }, connectionTime: '20h' };

describe('market workload', () => {
  it('records one negotiation per grid agent and interval, never buying beyond the deficit', () => {
    const { workload } = runWorld({ grid: { agents: 3 } });
    const records = workload.intervals();
    expect(records.length).toBe(96 * 3);
    for (const r of records) {
      expect(r.energy_kwh).toBeLessThanOrEqual(r.demand_kwh + 1e-9);
      expect(r.price).toBeGreaterThanOrEqual(0);
      expect(r.price).toBeLessThanOrEqual(0.5);
    }
    expect(records.some((r) => r.energy_kwh > 0 && r.energy_kwh < r.demand_kwh - 1e-6)).toBe(true);
    expect(records.some((r) => r.demand_kwh > 0 && Math.abs(r.energy_kwh - r.demand_kwh) < 1e-9)).toBe(true);
  });

  it('reports after warm-up sums of the records and the aggregate gap 1 - sum W / sum W_opt', () => {
    const warmup = 6 * 3600;
    const { workload } = runWorld({ warmup });
    const after = workload.intervals().filter((r) => r.t_s >= warmup);
    const sum = (f: (r: (typeof after)[number]) => number) => after.reduce((s, r) => s + f(r), 0);
    const report = workload.report();
    expect(report.energyTradedKwh).toBeCloseTo(sum((r) => r.energy_kwh), 9);
    expect(report.gridCost).toBeCloseTo(sum((r) => r.grid_cost), 9);
    expect(report.evRevenue).toBeCloseTo(sum((r) => r.ev_revenue), 9);
    expect(report.optimalityGap).toBeCloseTo(1 - sum((r) => r.social_welfare) / sum((r) => r.optimal_welfare), 12);
    expect(report.optimalityGap).toBeGreaterThan(0);
  });

  it("solves a grid agent's day-ahead optimum in a fraction of the passes gradient steps alone take, to the same welfare", () => {
    // One agent with 8,000 EVs: the sizes of a national run's agents, where most of the market's sessions are idle.
    const { workload } = runWorld({ fleet: { size: 8000 }, grid: { agents: 1 } });
    const window = { seconds: 900, firstInterval: 0, intervals: 96 };
    const gradient = new DayAheadOptimum(workload.fleet, workload.sessions, workload.grid, window, workload.charging, undefined, false, { steps: 'gradient' });
    const [newton] = workload.optimum.solutions;
    expect(newton.gap).toBeLessThanOrEqual(1e-9);
    expect(gradient.gap()).toBeLessThanOrEqual(1e-9);
    expect(newton.iterations * 3).toBeLessThanOrEqual(gradient.solutions[0].iterations);
    expect(Math.abs(newton.welfare - gradient.totalWelfare())).toBeLessThanOrEqual(2e-9 * newton.welfare);
  });

  it('conserves energy: what the grids bought is what left the batteries times the efficiency', () => {
    const { workload, txLog } = runWorld({ fleet: ONE_SESSION, duration: 23 * 3600 });
    const { fleet, settlement } = workload;
    let fromBatteries = 0;
    for (let i = 0; i < fleet.size; i++) fromBatteries += (fleet.arrivalSoc[i] - fleet.soc[i]) * fleet.capacityKwh[i] * fleet.efficiency[i];
    const bought = workload.intervals().reduce((s, r) => s + r.energy_kwh, 0);
    expect(bought).toBeGreaterThan(100);
    expect(fromBatteries).toBeCloseTo(bought, 6);
    // Every EV has departed, so every trade is settled and the ledger carries exactly the money owed.
    const revenue = workload.intervals().reduce((s, r) => s + r.ev_revenue, 0);
    let settled = 0;
    for (let tx = 0; tx < txLog.count; tx++) settled += txLog.value[tx];
    expect(settlement.settledTrades).toBe(settlement.trades);
    expect(settled).toBeCloseTo(revenue, 9);
  });

  it('lets no EV leave below its reserve (or below its arrival charge when it came in under it)', () => {
    const { workload } = runWorld({ duration: 2 * 86400, fleet: { size: 300 } });
    expect(workload.minDepartureMargin).toBeGreaterThanOrEqual(0);
    const { fleet } = workload;
    for (let i = 0; i < fleet.size; i++) expect(fleet.soc[i]).toBeGreaterThanOrEqual(Math.min(fleet.reserve[i], fleet.arrivalSoc[i]));
  });

  it('brings every EV back each day of a multi-day run', () => {
    const { workload } = runWorld({ duration: 3 * 86400, fleet: { arrivalTime: '10h', connectionTime: '2h' } });
    const pluggedAt = (t: number) => workload.intervals().filter((r) => r.t_s === t).reduce((s, r) => s + r.evs, 0);
    for (let day = 0; day < 3; day++) {
      expect(pluggedAt(day * 86400 + 11 * 3600)).toBe(200);
      expect(pluggedAt(day * 86400 + 13 * 3600)).toBe(0);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = runWorld({ seed: 5 });
    const b = runWorld({ seed: 5 });
    const c = runWorld({ seed: 6 });
    expect(b.workload.intervals()).toEqual(a.workload.intervals());
    expect(Array.from(b.txLog.value.subarray(0, b.txLog.count))).toEqual(Array.from(a.txLog.value.subarray(0, a.txLog.count)));
    expect(c.workload.intervals()).not.toEqual(a.workload.intervals());
  });

  it('gives the same market outcome on every feeless ledger; a fee makes EVs sell less, and the optimum ignores it', () => {
    const free = runWorld({ seed: 3 });
    const alsoFree = runWorld({ seed: 3, fee: 0 });
    const paid = runWorld({ seed: 3, fee: 0.3 });
    expect(alsoFree.workload.intervals()).toEqual(free.workload.intervals());
    const sold = (w: typeof free) => w.workload.report().energyTradedKwh as number;
    expect(sold(paid)).toBeLessThan(0.95 * sold(free));
    expect(paid.workload.intervals().map((r) => r.demand_kwh)).toEqual(free.workload.intervals().map((r) => r.demand_kwh));
    expect(paid.workload.intervals().map((r) => r.optimal_welfare)).toEqual(free.workload.intervals().map((r) => r.optimal_welfare));
    const prohibitive = runWorld({ seed: 3, fee: 100 });
    expect(sold(prohibitive)).toBe(0);
    const optimal = (fee: number) => runWorld({ seed: 3, fee, market: { kind: 'optimal' } }).workload.intervals();
    expect(optimal(0.3)).toEqual(optimal(0));
  });

  it('is never beaten over the day by any kind on the same world: the day-ahead optimum has gap 0', () => {
    const options = { seed: 4, warmup: 3600, fleet: { size: 150 }, grid: { agents: 2 } };
    const optimal = runWorld({ ...options, market: { kind: 'optimal' } }).workload;
    expect(optimal.report().optimalityGap).toBe(0);
    expect(optimal.optimum.gap()).toBeLessThanOrEqual(1e-9);
    const best = optimal.report().socialWelfare as number;
    expect(best).toBeGreaterThan(0);
    for (const kind of ['stackelberg', 'nash', 'fixed', 'myopic']) {
      const { workload } = runWorld({ ...options, market: { kind, tariff: [0.05, 0.2] } });
      const report = workload.report();
      expect(report.socialWelfare as number).toBeLessThan(best);
      expect(report.optimalityGap as number).toBeGreaterThan(0);
      expect(workload.intervals().map((r) => r.optimal_welfare)).toEqual(optimal.intervals().map((r) => r.optimal_welfare));
      if (kind === 'fixed') expect(new Set(workload.intervals().filter((r) => r.energy_kwh > 0).map((r) => r.price))).toEqual(new Set([0.05, 0.2]));
    }
  });

  it('keeps the optimum\'s schedule only for kind optimal, which solves again after a kind that did not keep it', () => {
    const options = { seed: 6, warmup: 3600, fleet: { size: 120 }, grid: { agents: 2 } };
    const stackelberg = runWorld(options).workload;
    expect(stackelberg.optimum.keepsSchedule).toBe(false);
    expect(() => stackelberg.optimum.energy(0, 0, 10)).toThrow(/without keeping its schedule/);
    const optimal = runWorld({ ...options, market: { kind: 'optimal' } }).workload;
    expect(optimal.optimum.keepsSchedule).toBe(true);
    expect(optimal.report().optimalityGap).toBe(0);
    expect(stackelberg.intervals().map((r) => r.optimal_welfare)).toEqual(optimal.intervals().map((r) => r.optimal_welfare));
    expect(runWorld(options).workload.optimum).toBe(optimal.optimum);
  });

  it('solved after the run where asked to, gives the same rows and report, its columns NaN until then; kind optimal solves first', () => {
    // A seed of its own: the optimum cache would otherwise hand the later workload one already solved.
    const options = { seed: 11, warmup: 3600, fleet: { size: 120 }, grid: { agents: 2 } };
    const later = runWorld({ ...options, optimumLater: true }).workload;
    const rows = later.intervals();
    expect(rows.every((r) => Number.isNaN(r.optimal_welfare) && Number.isNaN(r.optimal_price) && Number.isNaN(r.optimal_energy_kwh))).toBe(true);
    const report = later.report();
    const now = runWorld(options).workload;
    expect(later.intervals()).toEqual(now.intervals());
    expect(report).toEqual(now.report());
    const columns = later.optimumColumns();
    expect(columns.welfare[1 * columns.intervals + 40]).toBe(now.optimum.welfare(1, 40));
    const optimal = runWorld({ ...options, seed: 12, market: { kind: 'optimal' }, optimumLater: true }).workload;
    expect(optimal.intervals().some((r) => Number.isNaN(r.optimal_welfare))).toBe(false);
    expect(optimal.report().optimalityGap).toBe(0);
  });

  it('follows the optimum in kind optimal: trades only after warm-up, at the shadow prices, within each deficit', () => {
    const { workload } = runWorld({ seed: 2, warmup: 6 * 3600, market: { kind: 'optimal' } });
    for (const r of workload.intervals()) {
      if (r.t_s < 6 * 3600) expect(r.energy_kwh).toBe(0);
      expect(r.price).toBe(r.optimal_price);
      expect(r.social_welfare).toBeCloseTo(r.optimal_welfare, 9);
      expect(r.energy_kwh).toBeLessThanOrEqual(r.demand_kwh * (1 + 1e-12));
    }
  });
});

describe('time-series gauges', () => {
  it('reports the mean net load (load plus EV charging less V2G supply) and the V2G capacity of plugged-in EVs', () => {
    const { workload } = runWorld({ grid: { agents: 2 } });
    const records = workload.intervals();
    const intervals = records.length / 2;
    const net = records.reduce((s, r) => s + workload.grid.loadKw(r.agent, r.t_s) - r.energy_kwh / 0.25 + r.charging_kw, 0) / intervals;
    const gauges = workload.gauges();
    expect(gauges.loadKw).toBeCloseTo(net, 6);
    expect(gauges.chargingKw).toBeCloseTo(records.reduce((s, r) => s + r.charging_kw, 0) / intervals, 6);
    expect(gauges.chargingKw).toBeGreaterThan(0);
    expect(gauges.deficitKw).toBeCloseTo(records.reduce((s, r) => s + r.demand_kwh / 0.25, 0) / intervals, 6);
    expect(gauges.v2gEnergyKwh).toBeGreaterThan(0);
    expect(gauges.v2gCapacityKw).toBeGreaterThan(0);
    // At most every plugged-in EV at its full 11 kW.
    expect(gauges.v2gCapacityKw).toBeLessThanOrEqual((11 * records.reduce((s, r) => s + r.evs, 0)) / intervals + 1e-9);
    expect(workload.gauges().loadKw).toBeNull();
  });
});

describe('the world of a run', () => {
  it('keeps the smaller fleet\'s EVs when the fleet grows, and each agent\'s deficit whatever the fleet', () => {
    const small = runWorld({ seed: 9, fleet: { size: 50 } }).workload;
    const large = runWorld({ seed: 9, fleet: { size: 120 } }).workload;
    // EV `id` in either fleet: its attributes and its sessions (arrival, state of charge).
    const ev = (w: typeof small, id: number) => {
      const i = w.fleet.id.indexOf(id);
      const sessions = Array.from({ length: w.sessions.first[i + 1] - w.sessions.first[i] }, (_, k) => w.sessions.first[i] + k);
      return { agent: w.fleet.agent[i], capacity: w.fleet.capacityKwh[i], arrive: sessions.map((s) => w.sessions.arrive[s]), soc: sessions.map((s) => w.sessions.soc[s]) };
    };
    for (let id = 0; id < 50; id++) expect(ev(large, id)).toEqual(ev(small, id));
    expect(Array.from(large.grid.deficits)).toEqual(Array.from(small.grid.deficits));
    expect(large.grid.deficits.some((d) => d > 0)).toBe(true);
  });

  it('stores the fleet agent by agent, ids ascending within each agent', () => {
    const { fleet } = runWorld({ seed: 4, fleet: { size: 200 }, grid: { agents: 5 } }).workload;
    expect(Array.from(fleet.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    for (let j = 1; j < fleet.size; j++) {
      expect(fleet.agent[j]).toBeGreaterThanOrEqual(fleet.agent[j - 1]);
      if (fleet.agent[j] === fleet.agent[j - 1]) expect(fleet.id[j]).toBeGreaterThan(fleet.id[j - 1]);
    }
    expect(new Set(fleet.agent).size).toBe(5);
  });

  it('scales each agent\'s load to its own peak', () => {
    const { workload } = runWorld({ grid: { agents: 2, load: { peakKw: [100, 300] }, renewable: { peakKw: 0 } } });
    const noon = 48;
    expect(workload.grid.deficit(1, noon)).toBeCloseTo(3 * workload.grid.deficit(0, noon), 9);
    const peak = Math.max(...Array.from(workload.grid.deficits.subarray(0, 96)));
    expect(peak).toBeCloseTo(100 * 0.25, 9);
  });
});

describe('settlement', () => {
  it('settles at once on a fee-less ledger with no spread (delay 0 with the default period of one interval)', () => {
    const { workload, txLog } = runWorld({ market: { settlement: { spread: 0 } } });
    expect(workload.report().settlementDelayMeanS).toBe(0);
    for (let tx = 0; tx < txLog.count; tx++) expect(txLog.feeOf(tx)).toBe(0);
  });

  it('spreads settlements over each EV\'s own phase: on a fee-less ledger the mean delay is about spread / 2', () => {
    const { workload, txLog } = runWorld({ market: { settlement: { spread: '10m' } } });
    // Phases are uniform on [0, 600 s): a departure before its phase settles earlier, so the mean is near 300 s or
    // below; with hundreds of EVs it lies within 200-350 s (the standard error of a uniform mean over n EVs is 173/sqrt(n) s).
    const delay = workload.report().settlementDelayMeanS!;
    expect(delay).toBeGreaterThan(200);
    expect(delay).toBeLessThanOrEqual(350);
    const times = new Set(Array.from(txLog.submittedAt.subarray(0, txLog.count)));
    expect(times.size).toBeGreaterThan(txLog.count / 2);
  });

  it('batches under a fee: every trade settled once, fee share within maxFeeShare except departure flushes', () => {
    const fee = 0.02;
    const { workload, txLog } = runWorld({ fleet: ONE_SESSION, duration: 23 * 3600, fee, market: { settlement: { maxFeeShare: 0.1 } } });
    const { settlement } = workload;
    expect(settlement.trades).toBeGreaterThan(txLog.count);
    expect(settlement.settledTrades).toBe(settlement.trades);
    expect(settlement.settledValue).toBeCloseTo(settlement.tradedValue, 9);
    let overShare = 0;
    for (let tx = 0; tx < txLog.count; tx++) {
      expect(txLog.feeOf(tx)).toBe(fee);
      if (fee > 0.1 * txLog.value[tx] + 1e-15) overShare++;
    }
    expect(overShare).toBe(settlement.flushesOverShare);
    expect(overShare).toBeLessThan(txLog.count);
    expect(workload.report().settlementDelayMeanS).toBeGreaterThan(0);
  });

  it('settles once per settlement period when it spans several intervals', () => {
    const { workload } = runWorld({ fleet: ONE_SESSION, duration: 23 * 3600, market: { settlement: { period: '1h' } } });
    // Trades at :00, :15, :30 and :45 settle at the :45 clearing (or at departure): delays average below 45 min.
    const delay = workload.report().settlementDelayMeanS as number;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(2700);
  });
});
