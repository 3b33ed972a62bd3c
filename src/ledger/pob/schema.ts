// Scenario keys of `ledgers[].kind: pob` (proof of burn), with their defaults: miners, their burn shares,
// the burn rate (the consensus cost) and the miners' node power (no hashing).

import * as z from '../../scenario/zod.js';
import { chainKeys } from '../chain/chainKeys.js';

export const pobSchema = z.strictObject({
  kind: z.literal('pob'),
  ...chainKeys({ blockInterval: 90, blockIntervalMeaning: 'mean time between blocks (Slimcoin: 90 s)', confirmations: 6 }),
  miners: z.int().min(1).default(16).meta({ description: 'number of burning miners (network nodes 0..miners-1); equal burn unless burnShares is given' }),
  burnShares: z.array(z.number().positive()).optional().meta({ description: 'share of the burn of each miner (normalised; length = miners): its chance of the next block' }),
  burnRate: z.number().nonnegative().default(0.01).meta({ description: 'currency burnt per second by all miners together (the consensus cost, reported as burn_total)' }),
  minerPower: z.number().nonnegative().default(30).meta({ description: 'power drawn by each miner node, W (a server running the node; burning needs no hashing)' }),
});

export type PobConfig = z.output<typeof pobSchema>;
