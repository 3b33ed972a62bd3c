// Scenario keys of `ledgers[].kind: lightchain`, with their defaults.

import { z } from 'zod';
import { positiveDuration } from '../../scenario/units.js';

export const lightchainSchema = z.strictObject({
  kind: z.literal('lightchain'),
  label: z.string().min(1).optional().meta({ description: 'unique name of this ledger in results (default: its kind)' }),
  blockInterval: positiveDuration().default(15).meta({ description: 'target mean time between blocks' }),
  blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes' }),
  confirmations: z.int().min(1).default(1).meta({ description: 'depth on the chain at which a transaction is confirmed' }),
});

export type LightchainConfig = z.output<typeof lightchainSchema>;
