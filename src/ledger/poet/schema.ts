// Scenario keys of `ledgers[].kind: poet` (proof of elapsed time), with their defaults: validators, the mean
// wait, and the trusted hardware's idle power and price (its energy, and its cost to an attacker).

import * as z from '../../scenario/zod.js';
import { chainKeys } from '../chain/chainKeys.js';

export const poetSchema = z.strictObject({
  kind: z.literal('poet'),
  ...chainKeys({ blockInterval: 20, blockIntervalMeaning: 'mean time between blocks: each validator waits an exponential time of mean validators x blockInterval from its trusted timer (Sawtooth target wait: 20 s)', confirmations: 3 }),
  validators: z.int().min(1).default(16).meta({ description: 'number of validators (network nodes 0..validators-1), each with one trusted timer' }),
  validatorPower: z.number().nonnegative().default(60).meta({ description: 'power of each validator device while it waits, W (an SGX-class server near idle)' }),
  hardwareCost: z.number().nonnegative().default(3000).meta({ description: 'price of one validator device with a trusted execution environment, in the scenario currency' }),
  hardwareLifetimeYears: z.number().positive().default(4).meta({ description: 'years over which a validator device is written off (its hourly cost = hardwareCost / (years x 8760))' }),
  electricityPrice: z.number().nonnegative().default(0.15).meta({ description: 'price of one kWh for the validators, in the scenario currency' }),
});

export type PoetConfig = z.output<typeof poetSchema>;
