// Scenario keys of `ledgers[].kind: lightchain`, with their defaults.

import * as z from '../../scenario/zod.js';
import { positiveDuration } from '../../scenario/units.js';
import { deviceKeys } from '../deviceKeys.js';
import { ledgerLabelSchema } from '../../scenario/names.js';

export const lightchainSchema = z.strictObject({
  kind: z.literal('lightchain'),
  label: ledgerLabelSchema,
  blockInterval: positiveDuration().optional().meta({ description: 'optional target mean time between blocks: when given, the light-proof difficulty is set to meet it (the interval is then an input); default: the interval follows from lightProofDifficulty, producers and the producer device hashRate' }),
  blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes (header included)' }),
  confirmations: z.int().min(1).default(1).meta({ description: 'depth on the chain at which a transaction is confirmed (1: its block is the tip)' }),
  producers: z.int().min(1).optional().meta({ description: 'nodes taking part in Synergistic Multiple Proof (nodes 0..producers-1; default: every network node)' }),
  weights: z.array(z.number().positive()).optional().meta({ description: 'lottery weight of each producer: light-proof power x cooperation record (normalised; default equal)' }),
  lightProofDifficulty: z.number().positive().max(256).default(33).meta({ description: 'Synergistic Multiple Proof: light-proof difficulty in bits (a proof takes 2^bits hashes on average); the first proof found ends the round, so the block interval is 2^bits / (producers x the producer device hashRate); 33 bits on grid-agent servers (1e7 H/s) give about 8.6 s with 100 producers' }),
  producerDevice: z.string().min(1).default('agent').meta({ description: 'device class each producer computes its light proofs on, a key of devices' }),
  ...deviceKeys,
  headerBytes: z.int().positive().default(80).meta({ description: 'bytes of a block header' }),
  txIdBytes: z.int().positive().default(32).meta({ description: 'bytes of a transaction id in a LightBlock' }),
  offloadAge: positiveDuration().prefault(3600).meta({ description: 'Unrelated Block Offloading Filter: a block body is dropped once all its outputs were spent at least this long ago (stale bodies: once the block is this old)' }),
  feeRate: z.number().nonnegative().default(0).meta({ description: 'fee per byte of transaction: feeFor(size) = feeRate x size' }),
  blockReward: z.number().nonnegative().default(0).meta({ description: 'currency per main-chain block paid to its producer (reported per transaction as reward_per_tx)' }),
});

export type LightchainConfig = z.output<typeof lightchainSchema>;
