// The workload interface: what puts transactions on the ledger under test during a run
// (the V2G market, or synthetic Poisson traffic), and what it reports at the end.

import type { Simulation } from '../../engine/simulation.js';
import type { Rng } from '../../engine/rng.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { TxLog } from '../../metrics/txLog.js';
import type { EvRow } from '../charging/owners.js';

export interface WorkloadContext {
  sim: Simulation;
  /** Named random stream of the workload; identical for every ledger of a run (common random numbers). */
  stream(name: string): Rng;
  txLog: TxLog;
  ledger: Ledger;
  duration: number;
  warmup: number;
}

/** Readings for one time-series bucket (since the previous call); null where not applicable. */
export interface WorkloadGauges {
  /** Energy-weighted mean price in the bucket. */
  price: number | null;
  /** Energy traded in the bucket, kWh. */
  energyKwh: number | null;
  /** Mean over the bucket's market intervals of the grid agents' load plus EV charging less V2G supply, kW, summed over agents. */
  loadKw: number | null;
  /** Mean over the bucket's market intervals of what plugged-in EVs could discharge above their reserves, kW. */
  v2gCapacityKw: number | null;
  /** Means over the bucket's market intervals, summed over agents: EV charging (kW), kWh plugged-in EVs hold above their reserves (deliverable), deficit (kW). */
  chargingKw: number | null;
  v2gEnergyKwh: number | null;
  deficitKw: number | null;
}

/** Market outcome after warm-up; null on workloads without a market. */
export interface WorkloadReport {
  energyTradedKwh: number | null;
  gridCost: number | null;
  evRevenue: number | null;
  socialWelfare: number | null;
  optimalityGap: number | null;
  settlementDelayMeanS: number | null;
  /** Most valley-filling rounds any grid agent ran (0: uncontrolled); EV charging energy and its cost; share of owners (with a session) whose net benefit is negative. */
  chargingIterations: number | null;
  chargingEnergyKwh: number | null;
  chargingCost: number | null;
  ownersLosingShare: number | null;
}

/** One negotiation outcome of one grid agent in one market interval (written to market.csv). */
export interface MarketIntervalRecord {
  t_s: number;
  agent: number;
  price: number;
  energy_kwh: number;
  demand_kwh: number;
  evs: number;
  grid_cost: number;
  ev_revenue: number;
  social_welfare: number;
  /** The day-ahead optimum's welfare, shadow price and energy in this interval (0, pi_m and 0 during warm-up). */
  optimal_welfare: number;
  optimal_price: number;
  optimal_energy_kwh: number;
  /** The agent's EV charging (kW), what its plugged-in EVs could sell (kW) and hold above their reserves (kWh) in this interval. */
  charging_kw: number;
  v2g_capacity_kw: number;
  v2g_energy_kwh: number;
}

export interface Workload {
  /** Schedules the workload's first events. */
  start(): void;
  gauges(): WorkloadGauges;
  report(): WorkloadReport;
  /** Per-interval market records, for workloads with a market. */
  intervals?(): MarketIntervalRecord[];
  /** One row per EV: the owner's side over the run, for workloads with EVs. */
  evs?(): EvRow[];
}

export const NO_MARKET: WorkloadReport = {
  energyTradedKwh: null,
  gridCost: null,
  evRevenue: null,
  socialWelfare: null,
  optimalityGap: null,
  settlementDelayMeanS: null,
  chargingIterations: null,
  chargingEnergyKwh: null,
  chargingCost: null,
  ownersLosingShare: null,
};
