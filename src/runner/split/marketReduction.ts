// The market's gauges and report of a split run, reduced on the main thread from the merged rows in
// (time, agent) order, the merged transactions in (time, agent, EV) order and the evs.csv rows in EV
// order, so every floating-point sum is taken in one order whatever the number of partitions. The rows'
// optimum columns come after the last window, from the partitions' optima.

import { optimalityGap } from '../../model/market/solve.js';
import { chargingColumns, chargingReport } from '../../model/charging/owners.js';
import type { EvLines } from './evLines.js';
import type { MarketIntervalRecord, WorkloadGauges, WorkloadReport } from '../../model/workload/workload.js';
import type { MergedWindow } from './mergeWindow.js';
import { TX } from './partition.js';
import { fillOptimumColumns, optimalWelfareAfter, type OptimumColumns } from '../../model/workload/optimumColumns.js';

const NO_EVS = chargingColumns([]);

export class MarketReduction {
  readonly records: MarketIntervalRecord[] = [];
  /** evs.csv, once the split run has merged the partitions' rows (after the last window). */
  evs: EvLines | null = null;
  private readonly netLoadKw: number[] = [];
  /** First row not yet in a time-series bucket. */
  private sampled = 0;
  private energy = 0;
  private gridCost = 0;
  private evRevenue = 0;
  private welfare = 0;
  private optimumFilled = false;
  private delaySum = 0;
  private delayCount = 0;

  /** Hours of one market interval. */
  private readonly hours: number;

  /** `seconds`: of one market interval. */
  constructor(private readonly warmup: number, private readonly seconds: number) {
    this.hours = seconds / 3600;
  }

  add(window: MergedWindow): void {
    window.records.forEach((r, i) => {
      this.records.push(r);
      this.netLoadKw.push(window.netLoadKw[i]);
      if (r.t_s < this.warmup) return;
      this.energy += r.energy_kwh;
      this.gridCost += r.grid_cost;
      this.evRevenue += r.ev_revenue;
      this.welfare += r.social_welfare;
    });
    for (let row = 0; row < window.tx.length; row += TX.fields) {
      this.delaySum += window.tx[row + TX.delaySum];
      this.delayCount += window.tx[row + TX.delayCount];
    }
  }

  /** The readings of the market intervals that began before `now` and since the previous call. */
  gauges(now: number): WorkloadGauges {
    let energy = 0, payment = 0, loadKw = 0, capacityKw = 0, chargingKw = 0, v2gKwh = 0, deficitKw = 0, intervals = 0;
    let previous = NaN;
    for (; this.sampled < this.records.length && this.records[this.sampled].t_s < now; this.sampled++) {
      const r = this.records[this.sampled];
      if (r.t_s !== previous) intervals++;
      previous = r.t_s;
      energy += r.energy_kwh;
      payment += r.ev_revenue;
      loadKw += this.netLoadKw[this.sampled];
      capacityKw += r.v2g_capacity_kw;
      chargingKw += r.charging_kw;
      v2gKwh += r.v2g_energy_kwh;
      deficitKw += r.demand_kwh / this.hours;
    }
    const mean = (sum: number) => (intervals > 0 ? sum / intervals : null);
    return {
      price: energy > 0 ? payment / energy : null,
      energyKwh: energy,
      loadKw: mean(loadKw),
      v2gCapacityKw: mean(capacityKw),
      chargingKw: mean(chargingKw),
      v2gEnergyKwh: mean(v2gKwh),
      deficitKw: mean(deficitKw),
    };
  }

  /** Fills in every row's optimum columns from those of its agent's partition, `columnsOf(agent)`. */
  fillOptimum(columnsOf: (agent: number) => OptimumColumns): void {
    fillOptimumColumns(this.records, this.seconds, columnsOf);
    this.optimumFilled = true;
  }

  /** `chargingRounds`: each grid agent's charging-plan rounds. */
  report(chargingRounds: number[]): WorkloadReport {
    if (!this.optimumFilled) throw new Error("a split run's market report was asked for before its rows' optimum columns were filled in");
    return {
      energyTradedKwh: this.energy,
      gridCost: this.gridCost,
      evRevenue: this.evRevenue,
      socialWelfare: this.welfare,
      optimalityGap: optimalityGap(this.welfare, optimalWelfareAfter(this.records, this.warmup)),
      settlementDelayMeanS: this.delayCount > 0 ? this.delaySum / this.delayCount : null,
      ...chargingReport(this.evs ?? NO_EVS, chargingRounds),
    };
  }
}
