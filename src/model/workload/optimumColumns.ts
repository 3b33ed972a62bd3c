// The day-ahead optimum's columns of the market rows (optimal_welfare, optimal_price, optimal_energy_kwh), for
// rows made before the optimum was solved (a split run's partitions solve it after their last window), filled
// in afterwards, and the optimum's welfare over the measured window summed in the rows' order.

import type { DayAheadOptimum } from '../optimum.js';
import type { MarketIntervalRecord } from './workload.js';

/** The optimum's figures of some grid agents: agent g's in interval k at g * intervals + k (NaN for the other agents). */
export interface OptimumColumns {
  intervals: number;
  welfare: Float64Array<ArrayBuffer>;
  price: Float64Array<ArrayBuffer>;
  energy: Float64Array<ArrayBuffer>;
}

/** The figures of the agents `owned` flags (1: owned) under `optimum`, over `intervals` market intervals. */
export function optimumColumns(optimum: DayAheadOptimum, owned: Uint8Array, intervals: number): OptimumColumns {
  const size = owned.length * intervals;
  const columns = { intervals, welfare: new Float64Array(size).fill(NaN), price: new Float64Array(size).fill(NaN), energy: new Float64Array(size).fill(NaN) };
  for (let g = 0; g < owned.length; g++) {
    if (owned[g] !== 1) continue;
    for (let k = 0; k < intervals; k++) {
      columns.welfare[g * intervals + k] = optimum.welfare(g, k);
      columns.price[g * intervals + k] = optimum.shadowPrice(g, k);
      columns.energy[g * intervals + k] = optimum.energyIn(g, k);
    }
  }
  return columns;
}

/** Writes each row's optimum figures from the columns `columnsOf(agent)` gives; `seconds`: the market interval. */
export function fillOptimumColumns(records: MarketIntervalRecord[], seconds: number, columnsOf: (agent: number) => OptimumColumns): void {
  for (const r of records) {
    const columns = columnsOf(r.agent);
    const at = r.agent * columns.intervals + Math.round(r.t_s / seconds);
    r.optimal_welfare = columns.welfare[at];
    r.optimal_price = columns.price[at];
    r.optimal_energy_kwh = columns.energy[at];
  }
}

/** The optimum's welfare summed over the rows from `warmup` on, in the rows' order. */
export function optimalWelfareAfter(records: readonly MarketIntervalRecord[], warmup: number): number {
  let sum = 0;
  for (const r of records) if (r.t_s >= warmup) sum += r.optimal_welfare;
  return sum;
}
