// Scenario keys of `ledgers[].kind: pos` (proof of stake), with their defaults: validators, stake shares,
// slots, availability, the validators' device power and the stake's cost to an attacker.

import * as z from '../../scenario/zod.js';
import { chainKeys } from '../chain/chainKeys.js';

export const posSchema = z.strictObject({
  kind: z.literal('pos'),
  ...chainKeys({ blockInterval: 12, blockIntervalMeaning: 'slot time: one proposer per slot, at fixed times blockInterval, 2 blockInterval, ... (Ethereum: 12 s)', confirmations: 2 }),
  validators: z.int().min(1).default(16).meta({ description: 'number of validators (network nodes 0..validators-1); equal stake unless stakeShares is given' }),
  stakeShares: z.array(z.number().positive()).optional().meta({ description: 'stake of each validator (normalised; length = validators): its chance to propose a slot' }),
  availability: z.number().min(0).max(1).default(0.99).meta({ description: 'probability that a slot proposer is online; an offline proposer leaves its slot empty' }),
  validatorPower: z.number().nonnegative().default(30).meta({ description: 'power drawn by each validator device, W (a validator server: tens of W, no hashing)' }),
  stakeValue: z.number().nonnegative().default(1_000_000).meta({ description: 'value of all stake together, in the scenario currency' }),
  stakeCostRate: z.number().nonnegative().default(0.05).meta({ description: 'yearly opportunity cost of staked capital (share of its value per year); an attacker holding half the stake pays it per hour' }),
});

export type PosConfig = z.output<typeof posSchema>;
