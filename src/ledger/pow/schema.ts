// Scenario keys of `ledgers[].kind: pow`, with their defaults: by default a dedicated V2G chain mined by the
// grid agents on one ASIC each; `preset: bitcoin-public` settles on the public Bitcoin network instead.

import * as z from '../../scenario/zod.js';
import { positiveDuration } from '../../scenario/units.js';
import { ledgerLabelSchema } from '../../scenario/names.js';
import { deviceKeys } from '../deviceKeys.js';

/** Bitcoin's network hash rate, hashes/s (about 5e20 in 2024), used by `preset: bitcoin-public`. */
export const BITCOIN_HASH_RATE = 5e20;
/** Miners of the public preset when `miners` is not given. */
export const PUBLIC_MINERS = 16;

export const powSchema = z.strictObject({
  kind: z.literal('pow'),
  label: ledgerLabelSchema,
  preset: z.enum(['dedicated', 'bitcoin-public']).default('dedicated').meta({ description: 'dedicated: a V2G chain mined by the grid agents, one minerDevice each, charged all its energy; bitcoin-public: the public Bitcoin network (hashRate 5e20), the V2G traffic charged its share of the block space' }),
  blockInterval: positiveDuration().prefault(600).meta({ description: 'target mean time between blocks; difficulty = hashRate x blockInterval expected hashes per block' }),
  blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes (header included)' }),
  confirmations: z.int().min(1).default(6).meta({ description: 'depth on the main chain at which a transaction is confirmed (1: its block is the tip)' }),
  miners: z.int().min(1).optional().meta({ description: 'number of miners (network nodes 0..miners-1); equal hash power unless hashShares is given (default: dedicated, the grid agents; bitcoin-public, 16)' }),
  hashShares: z.array(z.number().positive()).optional().meta({ description: 'hash-power share of each miner (normalised; length = miners)' }),
  minerDevice: z.string().min(1).default('asic').meta({ description: 'device class each miner mines on, a key of devices' }),
  hashRate: z.number().positive().optional().meta({ description: 'total hash rate of all miners, hashes per second (default: dedicated, miners x minerDevice.hashRate; bitcoin-public, 5e20)' }),
  blockReward: z.number().nonnegative().default(3.125).meta({ description: 'new currency per main-chain block, paid to its miner (reported per transaction as reward_per_tx)' }),
  feeRate: z.number().nonnegative().default(0.002).meta({ description: 'fee per byte of transaction: feeFor(size) = feeRate x size' }),
  compactBlocks: z.boolean().default(true).meta({ description: 'relay blocks as compact blocks (BIP 152): header + a 6-byte short id per transaction, the transactions being in every mempool already; false: nodes fetch whole blocks (Bitcoin before 2016)' }),
  headerBytes: z.int().positive().default(80).meta({ description: 'bytes of a block header' }),
  ...deviceKeys,
  retargetBlocks: z.int().min(0).default(0).meta({ description: 'retarget difficulty every this many main-chain blocks from their observed interval (0: never; Bitcoin: 2016)' }),
});

export type PowConfig = z.output<typeof powSchema>;
