// Scenario keys of `ledgers[].kind: tangle`, with their defaults.

import { z } from 'zod';
import { distribution, duration } from '../../scenario/units.js';

export const tangleSchema = z.strictObject({
  kind: z.literal('tangle'),
  label: z.string().min(1).optional().meta({ description: 'unique name of this ledger in results (default: its kind)' }),
  approvals: z.int().min(1).default(2).meta({ description: 'k: transactions each new transaction approves' }),
  tipSelection: z.enum(['urts', 'mcmc']).default('mcmc').meta({ description: 'urts: uniform random tip; mcmc: weighted random walk' }),
  alpha: z.number().nonnegative().default(0.01).meta({ description: 'bias of the mcmc walk towards heavier approvers (0: unweighted)' }),
  delay: distribution(duration()).optional().meta({ description: 'visibility delay h of a transaction to other issuers (default: network.latency)' }),
  confirmationWeight: z.int().min(1).default(20).meta({ description: 'cumulative weight at which a transaction is confirmed' }),
});

export type TangleConfig = z.output<typeof tangleSchema>;
