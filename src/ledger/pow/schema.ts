// Scenario keys of `ledgers[].kind: pow`, with their defaults (Bitcoin-like).

import { z } from 'zod';
import { positiveDuration } from '../../scenario/units.js';

export const powSchema = z.strictObject({
  kind: z.literal('pow'),
  label: z.string().min(1).optional().meta({ description: 'unique name of this ledger in results (default: its kind)' }),
  blockInterval: positiveDuration().default(600).meta({ description: 'target mean time between blocks' }),
  blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes' }),
  confirmations: z.int().min(1).default(6).meta({ description: 'depth on the main chain at which a transaction is confirmed' }),
  miners: z.int().min(1).default(16).meta({ description: 'number of miners (nodes that mine); equal hash power unless hashShares is given' }),
  hashShares: z.array(z.number().positive()).optional().meta({ description: 'hash-power share of each miner (normalised; length = miners)' }),
});

export type PowConfig = z.output<typeof powSchema>;
