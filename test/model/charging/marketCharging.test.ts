// Charging inside the market workload: every session leaves with its departure energy under both policies,
// valley filling lowers the peak of load plus charging, evs rows add up by hand, protocol messages reach the ledger.

import { describe, expect, it } from 'vitest';
import { runWorld } from '../../model/workload/marketWorld.js';
import { ChargingPlan, spareAfter, spareAfterFill } from '../../../src/model/charging/plan.js';
import { DayAheadOptimum } from '../../../src/model/optimum.js';
import { chargingSchema } from '../../../src/model/charging/schema.js';
import { chargeUncontrolled } from '../../../src/model/charging/uncontrolled.js';

const WORLD = { seed: 3, fleet: { size: 120 }, grid: { agents: 2 } };

/** Largest total of base load plus EV charging (kW) over the agents' intervals. */
function peakLoad(world: ReturnType<typeof runWorld>): number {
  const { workload } = world;
  return Math.max(...workload.intervals().map((r) => workload.grid.loadKw(r.agent, r.t_s) + r.charging_kw));
}

describe('charging in the market', () => {
  it.each(['uncontrolled', 'valley-filling'])('leaves every departing session with its departure energy (%s)', (policy) => {
    const world = runWorld({ ...WORLD, charging: { policy } });
    const { owners, charging } = world.workload;
    expect(owners.minDepartureMargin).toBeGreaterThan(-1e-9);
    expect(owners.minDepartureMargin).toBeLessThan(Infinity);
    const needs = charging.problems.reduce((s, p) => s + p.need.reduce((a, b) => a + b, 0), 0);
    expect(needs).toBeGreaterThan(0);
    expect(world.workload.report().chargingEnergyKwh).toBeGreaterThanOrEqual(needs - 1e-6);
    expect(world.workload.report().energyTradedKwh).toBeGreaterThan(0);
  });

  it('lowers the peak of load plus charging with valley filling, and reports its rounds', () => {
    const uncontrolled = runWorld({ ...WORLD, charging: { policy: 'uncontrolled' } });
    const valley = runWorld({ ...WORLD, charging: { policy: 'valley-filling', iterations: 40 } });
    expect(peakLoad(valley)).toBeLessThan(peakLoad(uncontrolled));
    expect(uncontrolled.workload.report().chargingIterations).toBe(0);
    const rounds = valley.workload.report().chargingIterations ?? 0;
    expect(rounds).toBeGreaterThan(1);
    expect(rounds).toBeLessThanOrEqual(40);
  });

  it('writes evs rows whose net benefit is revenue less wear, fees and the make-up charging', () => {
    const { workload } = runWorld({ ...WORLD, fee: 0.01 });
    const rows = workload.evs();
    expect(rows).toHaveLength(120);
    const seller = rows.find((r) => (r.energy_sold_kwh ?? 0) > 0)!;
    const i = workload.fleet.id.indexOf(seller.ev_id!);
    expect(seller.agent).toBe(workload.fleet.agent[i]);
    expect(seller.degradation_cost).toBeCloseTo(workload.fleet.costLinear[i] * seller.energy_sold_kwh!, 12);
    expect(seller.fees).toBeGreaterThan(0);
    const makeUp = workload.owners.makeUpCost[i];
    expect(seller.net_benefit).toBeCloseTo(seller.revenue! - seller.degradation_cost! - seller.fees! - makeUp, 12);
    expect(seller.charging_cost).toBeGreaterThanOrEqual(makeUp);
    const sold = workload.intervals().reduce((s, r) => s + r.energy_kwh, 0);
    expect(rows.reduce((s, r) => s + (r.energy_sold_kwh ?? 0), 0)).toBeCloseTo(sold, 6);
    const losing = rows.filter((r) => r.arrival_s !== null && r.net_benefit! < 0).length / rows.filter((r) => r.arrival_s !== null).length;
    expect(workload.report().ownersLosingShare).toBeCloseTo(losing, 12);
  });

  it("plans and optimizes only a partition's own agents, as the whole run does for them", () => {
    const { workload } = runWorld({ ...WORLD, grid: { agents: 3 }, charging: { policy: 'valley-filling' } });
    const { fleet, sessions, grid } = workload;
    const config = chargingSchema.parse({ policy: 'valley-filling' });
    const whole = new ChargingPlan(fleet, sessions, grid, 900, config);
    const part = new ChargingPlan(fleet, sessions, grid, 900, config, (g) => g === 1);
    expect(whole.problems.map((p) => p.count).filter((n) => n > 0)).toHaveLength(3);
    expect(part.problems.map((p) => p.count)).toEqual([0, whole.problems[1].count, 0]);
    expect(Array.from(part.problems[1].need)).toEqual(Array.from(whole.problems[1].need));
    const window = { seconds: 900, firstInterval: 0, intervals: grid.intervals };
    const optimum = new DayAheadOptimum(fleet, sessions, grid, window, whole, (g) => g !== 1);
    const full = new DayAheadOptimum(fleet, sessions, grid, window, whole);
    expect(optimum.solutions.map((s) => s.welfare > 0)).toEqual([true, false, true]);
    expect(optimum.solutions[2].welfare).toBe(full.solutions[2].welfare);
  });

  it('settles one message per EV window and round on the ledger when asked', () => {
    const quiet = runWorld({ ...WORLD, charging: { policy: 'valley-filling', iterations: 5 } });
    const chatty = runWorld({ ...WORLD, charging: { policy: 'valley-filling', iterations: 5, settleMessages: true, messageSize: 80 } });
    const extra = chatty.txLog.count - quiet.txLog.count;
    const windows = chatty.workload.charging.problems.reduce((s, p) => s + Array.from({ length: p.count }, (_, j) => (p.offset[j + 1] > p.offset[j] ? 1 : 0)).reduce<number>((a, b) => a + b, 0), 0);
    expect(chatty.workload.report().chargingIterations).toBe(5);
    expect(extra).toBe(windows * 5);
    let zeroValue = 0;
    for (let id = 0; id < chatty.txLog.count; id++) if (chatty.txLog.sizeBytes[id] === 80 && chatty.txLog.value[id] === 0) zeroValue++;
    expect(zeroValue).toBe(extra);
  });
});

describe("the charger's spare time after the plan", () => {
  it('sums, after an interval, each later bound less its planned kWh (by hand)', () => {
    const energy = Float64Array.from([9, 1, 2, 3, 1, 9]);
    // A window at positions 1..4: bound 5 kWh in each interval but the last, 2 in the last.
    expect([1, 2, 3, 4].map((at) => spareAfter(energy, at, 5, 5, 2))).toEqual([(5 - 2) + (5 - 3) + (2 - 1), (5 - 3) + (2 - 1), 2 - 1, 0]);
  });

  it('counts, for a fill from the window start, the idle intervals, the fill\'s last one and the last bound (by hand)', () => {
    // Five intervals, bound 5 kWh but 2 in the last; filled 5, 5, 3, 0, 0 (fillEnd 3, 3 kWh in its last interval).
    expect([0, 1, 2, 3, 4].map((t) => spareAfterFill(t, 5, 3, 3, 5, 2))).toEqual([0 + 2 + 5 + 2, 2 + 5 + 2, 5 + 2, 2, 0]);
    // The fill reaching the last interval (1 of its 2 kWh): only that interval is left.
    expect([0, 3, 4].map((t) => spareAfterFill(t, 5, 5, 1, 5, 2))).toEqual([1, 1, 0]);
    // Nothing to fill: every later interval is spare.
    expect([0, 2].map((t) => spareAfterFill(t, 5, 0, 0, 5, 2))).toEqual([5 * 3 + 2, 5 + 2]);
  });

  it("matches each session's bounds and plan in a valley-filling world", () => {
    const { charging } = runWorld({ ...WORLD, charging: { policy: 'valley-filling' } }).workload;
    let checked = 0;
    for (let s = 0; s < charging.sessionStart.length; s++) {
      const start = charging.sessionStart[s];
      const n = charging.sessionLength[s];
      for (let t = 0; t < n; t++) {
        let later = 0;
        for (let u = t + 1; u < n; u++) later += (u === n - 1 ? charging.sessionTail[s] : charging.sessionFull[s]) - charging.energy[start + u];
        expect(spareAfter(charging.energy, start + t, start + n, charging.sessionFull[s], charging.sessionTail[s])).toBeCloseTo(later, 9);
        expect(later).toBeGreaterThanOrEqual(-1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps of an uncontrolled plan only where each fill ends, giving the same kWh bit for bit and the same spare time', () => {
    const { charging, fleet, sessions } = runWorld({ ...WORLD, charging: { policy: 'uncontrolled' } }).workload;
    expect(charging.keepsIntervals).toBe(false);
    expect(charging.energy).toHaveLength(0);
    let partial = 0;
    for (let i = 0; i < fleet.size; i++) {
      for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) {
        const n = charging.sessionLength[s];
        const [full, tail] = [charging.sessionFull[s], charging.sessionTail[s]];
        // The session charged interval by interval from its bounds (every interval's kWh kept, as valley filling keeps them).
        const upper = Float64Array.from({ length: n }, (_, t) => (t === n - 1 ? tail : full));
        const problem = { intervals: n, hours: 1, baseKw: new Float64Array(n), count: 1, first: Int32Array.of(0), offset: Int32Array.of(0, n), upper, need: Float64Array.of(charging.need(fleet.agent[i], s)) };
        const { energy } = chargeUncontrolled(problem);
        for (let t = 0; t < n; t++) {
          expect(charging.plannedAt(s, t)).toBe(energy[t]);
          // Counted in closed form against summed interval by interval: equal up to the sum's rounding.
          expect(spareAfterFill(t, n, charging.fillEnd[s], charging.fillLast[s], full, tail)).toBeCloseTo(spareAfter(energy, t, n, full, tail), 9);
        }
        if (charging.fillEnd[s] > 1 && energy[charging.fillEnd[s] - 1] < upper[charging.fillEnd[s] - 1]) partial++;
      }
    }
    expect(partial).toBeGreaterThan(20);
  });
});
