// Scenario keys of `ledgers[].kind: tangle`, with their defaults: the DAG and tip selection, the
// credit-based proof of work, storage sizes, and the attacks (lazy tips, parasite chain), all off by default.

import * as z from '../../scenario/zod.js';
import { distribution, duration, positiveDuration, positiveNumber } from '../../scenario/units.js';
import { deviceKeys } from '../deviceKeys.js';
import { ledgerLabelSchema } from '../../scenario/names.js';

export const creditPowSchema = z.strictObject({
  creditBased: z.boolean().default(true).meta({ description: 'difficulty follows the issuer credit (Huang et al. 2019); false: every transaction uses baseDifficulty' }),
  hashRate: distribution(positiveNumber).optional().meta({ description: 'hashes per second of each issuer (drawn once per issuer; default: the issuerDevice\'s hashRate); energy stays the issuerDevice\'s power for the PoW time' }),
  baseDifficulty: z.number().nonnegative().default(14).meta({ description: 'difficulty in bits at zero credit (expected hashes = 2^difficulty)' }),
  minDifficulty: z.number().nonnegative().default(10).meta({ description: 'floor of the difficulty, bits' }),
  maxDifficulty: z.number().nonnegative().default(24).meta({ description: 'ceiling of the difficulty, bits' }),
  bitsPerCredit: z.number().nonnegative().default(4).meta({ description: 'bits of difficulty removed per unit of credit (added per unit of negative credit)' }),
  window: positiveDuration().prefault(60).meta({ description: 'dT: window of the positive credit and time scale of fading penalties' }),
  positiveWeight: z.number().nonnegative().default(1).meta({ description: 'l1: weight of the positive credit CrP (valid transactions per second in the window)' }),
  negativeWeight: z.number().nonnegative().default(0.5).meta({ description: 'l2: weight of the negative credit CrN (fading penalties)' }),
  lazyPenalty: z.number().nonnegative().default(1).meta({ description: 'a(lazy): penalty of one lazy-tip transaction' }),
  doubleSpendPenalty: z.number().nonnegative().default(5).meta({ description: 'a(double spend): penalty of one detected double spend' }),
});

export const parasiteSchema = z.strictObject({
  share: z.number().min(0).max(0.95).default(0).meta({ description: 'share of the issuing rate the attacker puts into its hidden chain (0: no attack)' }),
  hold: positiveDuration().prefault(30).meta({ description: 'least time the attacker builds its hidden chain before releasing it' }),
  observe: positiveDuration().prefault(60).meta({ description: 'time after the release at which the attack is judged (and the next attack starts)' }),
  hashRate: z.number().positive().default(1e8).meta({ description: 'hashes per second of the attacker (its chain grows no faster than its proof of work allows)' }),
});

export const attackSchema = z.strictObject({
  lazyShare: z.number().min(0).max(1).default(0).meta({ description: 'share of issuers that approve old transactions instead of tips' }),
  lazyDepth: z.int().min(1).default(500).meta({ description: 'how many visible transactions back a lazy issuer reaches for its approvals' }),
  parasite: parasiteSchema.prefault({}).meta({ description: 'parasite-chain double spend (off while share is 0)' }),
});

export const tangleSchema = z.strictObject({
  kind: z.literal('tangle'),
  label: ledgerLabelSchema,
  approvals: z.int().min(1).default(2).meta({ description: 'k: transactions each new transaction approves' }),
  tipSelection: z.enum(['urts', 'mcmc']).default('mcmc').meta({ description: 'urts: uniform random tip; mcmc: weighted random walk' }),
  alpha: z.number().nonnegative().default(0.01).meta({ description: 'bias of the mcmc walk towards heavier approvers (0: unweighted)' }),
  walkWindow: positiveDuration().optional().meta({ description: 'mcmc: a walk starts at a transaction revealed between 2 walkWindow and walkWindow ago (default: 10 mean delays h, at least 1 s)' }),
  walkDepth: z.int().min(1).default(20).meta({ description: 'mcmc: ...or between 2 walkDepth and walkDepth revealed transactions back, where that reaches further (sparse traffic)' }),
  delay: distribution(duration()).optional().meta({ description: 'visibility delay h of a transaction to other issuers (default: network.latency)' }),
  confirmationWeight: z.int().min(1).default(20).meta({ description: 'cumulative weight at which a transaction is confirmed' }),
  referenceBytes: z.int().min(0).default(32).meta({ description: 'bytes each approval adds to a transaction (one hash reference)' }),
  ...deviceKeys,
  attackerDevice: z.string().min(1).default('asic').meta({ description: 'device class an attacker out-issues the honest weight on, for attack_cost_per_hour (the cheapest hashes on offer), a key of devices' }),
  pow: creditPowSchema.prefault({}).meta({ description: 'issuing proof of work and its credit-based difficulty' }),
  attack: attackSchema.prefault({}).meta({ description: 'attack scenarios (all off by default)' }),
});

export type TangleConfig = z.output<typeof tangleSchema>;
export type CreditPowConfig = z.output<typeof creditPowSchema>;
export type ParasiteConfig = z.output<typeof parasiteSchema>;
