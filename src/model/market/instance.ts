// One negotiation of the V2G market: the EVs plugged in at one grid agent (the followers), the
// grid agent (the leader), and what every market kind returns for it.

/** `myopic` is the centralized optimum of one interval; for one interval alone `optimal` (day-ahead) is the same. */
export type { MarketKind } from './kinds.js';

export interface MarketInstance {
  /** Quadratic cost coefficient a_i > 0 of each follower: c_i(e) = a_i e^2 + b_i e (currency/kWh^2). */
  a: ArrayLike<number>;
  /** Linear cost coefficient b_i of each follower (currency/kWh). */
  b: ArrayLike<number>;
  /** Energy limit E_i >= 0 of each follower in this interval (kWh delivered to the grid). */
  limit: ArrayLike<number>;
  /** Followers taking part: the first `count` entries of a, b and limit (default: all of a). */
  count?: number;
  /** The grid's deficit D (kWh) in this interval. */
  demand: number;
  /** Wholesale/peaker price pi_m the grid pays for what the followers do not supply (currency/kWh). */
  peakerPrice: number;
  /** Bounds of the price the leader may post. */
  priceMin: number;
  priceMax: number;
}

/** Parameters of the kinds that need them. */
export interface MarketTerms {
  /** nash: the grid's bargaining power beta in [0, 1] (the followers hold 1 - beta). */
  bargainingPower: number;
  /** fixed: the tariff price posted in this interval. */
  tariff: number;
}

export interface MarketOutcome {
  /** Price paid per kWh (for `myopic`/`optimal`, the shadow price lambda that decentralises the optimum). */
  price: number;
  /** Energy each follower delivers to the grid (kWh). */
  energy: Float64Array;
  /** Sum of `energy` (never above the demand). */
  energyTotal: number;
  /** price * energyTotal + peakerPrice * (demand - energyTotal). */
  gridCost: number;
  /** price * energyTotal. */
  evRevenue: number;
  /** W = peakerPrice * energyTotal - sum c_i(e_i). */
  socialWelfare: number;
  /** W of the centralized optimum of the same instance. */
  optimalWelfare: number;
  /** The shadow price lambda that decentralises the centralized optimum of the same instance. */
  optimalPrice: number;
  /** 1 - W / W_opt (0 when W_opt is 0). */
  optimalityGap: number;
}
