// Scenario keys of the V2G world: the EV fleet, the grid agents and the negotiation.

import { z } from 'zod';
import { positiveDuration } from '../scenario/units.js';

export const fleetSchema = z.strictObject({
  size: z.int().min(0).default(1000).meta({ description: 'number of EVs' }),
});

export const gridSchema = z.strictObject({
  agents: z.int().min(1).default(4).meta({ description: 'number of grid agents (regions or aggregators)' }),
});

export const marketSchema = z.strictObject({
  kind: z.enum(['stackelberg', 'nash', 'fixed', 'optimal']).default('stackelberg').meta({ description: 'negotiation: stackelberg (grid leads), nash (bargaining), fixed (tariff), optimal (centralized)' }),
  interval: positiveDuration().prefault('15m').meta({ description: 'negotiation interval' }),
});

export type FleetConfig = z.output<typeof fleetSchema>;
export type GridConfig = z.output<typeof gridSchema>;
export type MarketConfig = z.output<typeof marketSchema>;
