// The one list of market kinds: what each means and its price rule for one interval. The scenario's
// `market.kind` enum and description and solveMarket's dispatch are built from it; adding a kind is one entry.

import type { MarketInstance, MarketTerms } from './instance.js';
import type { SupplyCurve } from './supplyCurve.js';
import { leaderPrice } from './stackelberg.js';
import { bargainingPrice } from './nash.js';
import { optimalLevel } from './optimal.js';

export interface MarketKindRule {
  /** A few words for the schema's description and listings. */
  meaning: string;
  /** The price of one interval (the curve holds the instance's supply, loaded). */
  price(instance: MarketInstance, terms: Partial<MarketTerms>, curve: SupplyCurve): number;
}

export const MARKET_KINDS = {
  stackelberg: { meaning: 'the grid leads: it posts the price that minimises its cost given the EVs\' best responses', price: (instance, _terms, curve) => leaderPrice(instance, curve) },
  nash: { meaning: 'Nash bargaining between grid and EVs (bargainingPower)', price: (instance, terms, curve) => bargainingPrice(instance, curve, terms.bargainingPower ?? 0.5) ?? leaderPrice(instance, curve) },
  fixed: {
    meaning: 'a flat or time-of-use tariff',
    price: (_instance, terms) => {
      if (terms.tariff === undefined) throw new RangeError('market kind fixed needs terms.tariff');
      return terms.tariff;
    },
  },
  myopic: { meaning: 'the centralized optimum of each interval alone', price: (instance, _terms, curve) => optimalLevel(instance, curve) },
  // Over one interval the day-ahead optimum is the interval's own; the market workload replaces it by the day-ahead schedule.
  optimal: { meaning: 'the centralized day-ahead optimum over every EV\'s plug-in window: the yardstick of optimality_gap', price: (instance, _terms, curve) => optimalLevel(instance, curve) },
} satisfies Record<string, MarketKindRule>;

export type MarketKind = keyof typeof MARKET_KINDS;

export const MARKET_KIND_NAMES = Object.keys(MARKET_KINDS) as [MarketKind, ...MarketKind[]];
