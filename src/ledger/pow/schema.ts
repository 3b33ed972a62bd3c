// Scenario keys of `ledgers[].kind: pow`, with their defaults (Bitcoin-like).

import { z } from 'zod';
import { positiveDuration } from '../../scenario/units.js';

export const powSchema = z.strictObject({
  kind: z.literal('pow'),
  label: z.string().min(1).optional().meta({ description: 'unique name of this ledger in results (default: its kind)' }),
  blockInterval: positiveDuration().prefault(600).meta({ description: 'target mean time between blocks; difficulty = hashRate x blockInterval expected hashes per block' }),
  blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes (header included)' }),
  confirmations: z.int().min(1).default(6).meta({ description: 'depth on the main chain at which a transaction is confirmed (1: its block is the tip)' }),
  miners: z.int().min(1).default(16).meta({ description: 'number of miners (network nodes 0..miners-1); equal hash power unless hashShares is given' }),
  hashShares: z.array(z.number().positive()).optional().meta({ description: 'hash-power share of each miner (normalised; length = miners)' }),
  hashRate: z.number().positive().default(5e20).meta({ description: 'total hash rate of all miners, hashes per second' }),
  joulesPerHash: z.number().nonnegative().default(3e-11).meta({ description: 'energy per hash, joules (3e-11: a current SHA-256 ASIC fleet)' }),
  blockReward: z.number().nonnegative().default(3.125).meta({ description: 'new currency per main-chain block, paid to its miner (reported per transaction as reward_per_tx)' }),
  feeRate: z.number().nonnegative().default(0.002).meta({ description: 'fee per byte of transaction: feeFor(size) = feeRate x size' }),
  compactBlocks: z.boolean().default(true).meta({ description: 'relay blocks as compact blocks (BIP 152): header + a 6-byte short id per transaction, the transactions being in every mempool already; false: nodes fetch whole blocks (Bitcoin before 2016)' }),
  headerBytes: z.int().positive().default(80).meta({ description: 'bytes of a block header' }),
  retargetBlocks: z.int().min(0).default(0).meta({ description: 'retarget difficulty every this many main-chain blocks from their observed interval (0: never; Bitcoin: 2016)' }),
});

export type PowConfig = z.output<typeof powSchema>;
