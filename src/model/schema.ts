// Scenario keys of the V2G world: the EV fleet, the grid agents, the negotiation and its settlement.
// Every default is documented with its source or reasoning in docs/market.md.

import * as z from '../scenario/zod.js';
import { distribution, duration, fraction, nonNegativeNumber, positiveDuration, positiveNumber } from '../scenario/units.js';
import { EV_MODELS } from './data/elaad.js';
import { MARKET_KINDS, MARKET_KIND_NAMES } from './market/kinds.js';
import { MAX_AGENTS, MAX_FLEET_SIZE, MIN_MARKET_INTERVAL_S, count } from '../scenario/limits.js';

/** Battery capacities of the typical Dutch EV models, weighted by registrations (ElaadNL/EV2Gym ev-models.json). */
const ELAAD_BATTERY_KWH = { dist: 'empirical' as const, values: EV_MODELS.map((m) => m.batteryKwh), weights: EV_MODELS.map((m) => m.registrations) };

export const locationMixSchema = z.strictObject({
  private: z.number().nonnegative().default(0.5).meta({ description: 'weight of EVs charging at home (private chargers)' }),
  public: z.number().nonnegative().default(0.25).meta({ description: 'weight of EVs charging at public chargers' }),
  workplace: z.number().nonnegative().default(0.25).meta({ description: 'weight of EVs charging at work' }),
}).refine((m) => m.private + m.public + m.workplace > 0, { error: 'expected at least one positive location weight' });

export const fleetSchema = z.strictObject({
  size: z.int().min(0).max(MAX_FLEET_SIZE, { error: `expected at most ${count(MAX_FLEET_SIZE)} EVs` }).default(1000).meta({ description: `number of EVs (at most ${count(MAX_FLEET_SIZE)})` }),
  locations: locationMixSchema.prefault({}).meta({ description: 'mix of charging location types (relative weights); each type has its own ElaadNL arrival and stay profile' }),
  batteryCapacity: distribution(positiveNumber).default(ELAAD_BATTERY_KWH).meta({ description: 'battery capacity, kWh (default: typical Dutch EV models weighted by registrations, mean about 60 kWh)' }),
  chargerPower: distribution(nonNegativeNumber).default({ dist: 'constant', value: 11 }).meta({ description: 'bidirectional charger power, kW (default 11)' }),
  efficiency: distribution(z.number().positive().max(1)).default({ dist: 'constant', value: 0.87 }).meta({ description: 'V2G round-trip efficiency: the grid receives e, the battery loses e / efficiency (default 0.87)' }),
  arrivalSoc: z.union([z.literal('elaad'), distribution(fraction)]).prefault('elaad').meta({ description: 'state of charge at arrival (fraction); elaad (the default): 1 - ElaadNL energy per session / capacity' }),
  reserve: distribution(fraction).prefault({ dist: 'uniform', min: 0.4, max: 0.6 }).meta({ description: 'state of charge (fraction) an EV must keep for departure; V2G never discharges below it (default uniform 0.4-0.6)' }),
  arrivalTime: z.union([z.literal('elaad'), distribution(duration())]).prefault('elaad').meta({ description: 'time of day of the daily arrival; elaad (the default): ElaadNL share per 15-minute slot of the location type' }),
  connectionTime: z.union([z.literal('elaad'), distribution(duration())]).prefault('elaad').meta({ description: 'how long an EV stays plugged in; elaad (the default): ElaadNL connection-time distribution of the location type' }),
  costQuadratic: distribution(positiveNumber).default({ dist: 'uniform', min: 0.005, max: 0.015 }).meta({ description: 'a_i of the selling cost, currency/(kW^2 h): selling e kWh in an interval of h hours costs a_i e^2 / h + b_i e (inconvenience and battery stress; default uniform 0.005-0.015)' }),
  costLinear: distribution(nonNegativeNumber).default({ dist: 'uniform', min: 0.0023, max: 0.0045 }).meta({ description: 'b_i of the selling cost, currency/kWh (battery degradation per kWh cycled; default uniform 0.0023-0.0045)' }),
});

/**
 * Shape of a grid agent's load over the day, hourly from 00:00, largest value 1: a residential
 * feeder with a morning shoulder and an evening peak at 19:00 (docs/market.md gives its reasoning).
 */
const LOAD_SHAPE = [0.3, 0.25, 0.25, 0.25, 0.25, 0.3, 0.4, 0.5, 0.5, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.5, 0.6, 0.8, 0.95, 1, 0.9, 0.75, 0.55, 0.4];
/** Shape of clear-sky solar output over the day, hourly from 00:00, largest value 1. */
const SOLAR_SHAPE = [0, 0, 0, 0, 0, 0, 0, 1 / 14, 4 / 14, 8 / 14, 11 / 14, 13 / 14, 1, 1, 13 / 14, 11 / 14, 8 / 14, 4 / 14, 1 / 14, 0, 0, 0, 0, 0];

/** A profile over the day scaled to a peak in kW, one peak for every agent or one each. */
function dailyKw(shape: number[], peakKw: number, what: string) {
  return z.strictObject({
    profile: z.array(z.number().nonnegative()).min(1).default(shape).meta({ description: `shape of the ${what} over the day in equal slots from 00:00; scaled so its largest value is the peak (all zeros: none)` }),
    peakKw: z.union([z.number().nonnegative(), z.array(z.number().nonnegative()).min(1)]).default(peakKw).meta({ description: `peak ${what} in kW: one value for every grid agent, or a list with one per agent (default ${peakKw})` }),
  });
}

export const gridSchema = z.strictObject({
  agents: z.int().min(1).max(MAX_AGENTS, { error: `expected at most ${count(MAX_AGENTS)} grid agents` }).default(4).meta({ description: `number of grid agents (regions or aggregators); each EV plugs in at one, drawn uniformly (at most ${count(MAX_AGENTS)})` }),
  load: dailyKw(LOAD_SHAPE, 500, 'load').prefault({}).meta({ description: 'each grid agent\'s own load in kW over the day: a profile shape and a peak per agent (default: a residential evening-peak shape, peak 500 kW); it does not grow with fleet.size' }),
  renewable: dailyKw(SOLAR_SHAPE, 350, 'renewable output').prefault({}).meta({ description: 'each grid agent\'s clear-sky renewable output in kW over the day: a profile shape and a peak per agent (default: solar, peak 350 kW at noon), scaled by the weather' }),
  weather: distribution(nonNegativeNumber).default({ dist: 'normal', mean: 0.7, sd: 0.2, min: 0, max: 1 }).meta({ description: 'share of clear-sky renewable output, drawn per agent and interval from the agent\'s own stream (default normal, mean 0.7, sd 0.2, within [0, 1])' }),
  peakerPrice: distribution(nonNegativeNumber).default({ dist: 'uniform', min: 0.25, max: 0.4 }).meta({ description: 'pi_m: wholesale/peaker price an agent pays for the deficit EVs do not cover, currency/kWh, drawn once per agent (default uniform 0.25-0.40)' }),
  priceMin: z.number().nonnegative().default(0).meta({ description: 'p_min: lowest price a grid agent may post, currency/kWh' }),
  priceMax: z.number().nonnegative().default(0.5).meta({ description: 'p_max: highest price a grid agent may post, currency/kWh' }),
}).superRefine((g, ctx) => {
  if (g.priceMin > g.priceMax) ctx.addIssue({ code: 'custom', path: ['priceMin'], message: 'expected grid.priceMin <= grid.priceMax' });
  for (const key of ['load', 'renewable'] as const) {
    const peak = g[key].peakKw;
    if (Array.isArray(peak) && peak.length !== g.agents) ctx.addIssue({ code: 'custom', path: [key, 'peakKw'], message: `expected one peak per grid agent (${g.agents}), got ${peak.length}` });
  }
});

export const settlementSchema = z.strictObject({
  period: positiveDuration().prefault('15m').meta({ description: 'settlement period: an EV settles its trades every period (rounded to whole market intervals), one transaction each' }),
  spread: duration().optional().meta({ description: 'each EV posts a round\'s settlement at its own fixed phase, uniform in [0, spread) after the round, as independent EV clocks would (default: the settlement period; 0 posts every transaction at the round)' }),
  maxFeeShare: fraction.default(0.1).meta({ description: 'where the ledger charges a fee, an EV waits until the fee is at most this share of the value it settles (it flushes at departure regardless)' }),
});

export const marketSchema = z.strictObject({
  kind: z.enum(MARKET_KIND_NAMES).default('stackelberg').meta({ description: `negotiation: ${Object.entries(MARKET_KINDS).map(([kind, rule]) => `${kind} (${rule.meaning})`).join(', ')}` }),
  interval: positiveDuration().refine((s) => s >= MIN_MARKET_INTERVAL_S, { error: (issue) => `expected a negotiation interval of at least ${MIN_MARKET_INTERVAL_S} s, got ${String(issue.input)} s` }).prefault('15m').meta({ description: `negotiation interval (at least ${MIN_MARKET_INTERVAL_S} s, and at most a million intervals per run)` }),
  bargainingPower: fraction.default(0.5).meta({ description: 'nash: the grid\'s bargaining power beta (the EVs hold 1 - beta); 1 gives the Stackelberg price' }),
  tariff: z.union([z.number().nonnegative(), z.array(z.number().nonnegative()).min(1)]).default(0.15).meta({ description: 'fixed: a flat price, or time-of-use prices in equal slots over the day from 00:00, currency/kWh' }),
  settlement: settlementSchema.prefault({}).meta({ description: 'how EVs settle their trades on the ledger' }),
});

export type FleetConfig = z.output<typeof fleetSchema>;
export type GridConfig = z.output<typeof gridSchema>;
export type MarketConfig = z.output<typeof marketSchema>;
export type SettlementConfig = z.output<typeof settlementSchema>;
