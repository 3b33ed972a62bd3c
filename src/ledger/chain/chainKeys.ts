// Scenario keys every chain kind built on src/ledger/chain shares (block interval, size, confirmations,
// fees, reward, header size), with per-kind defaults and wording for the interval.

import * as z from '../../scenario/zod.js';
import { positiveDuration } from '../../scenario/units.js';
import { ledgerLabelSchema } from '../../scenario/names.js';
import { deviceKeys } from '../deviceKeys.js';

export interface ChainKeyDefaults {
  blockInterval: number;
  blockIntervalMeaning: string;
  confirmations: number;
}

export function chainKeys(d: ChainKeyDefaults) {
  return {
    label: ledgerLabelSchema,
    ...deviceKeys,
    blockInterval: positiveDuration().prefault(d.blockInterval).meta({ description: d.blockIntervalMeaning }),
    blockSize: z.int().positive().default(1_000_000).meta({ description: 'maximum block size in bytes (header included)' }),
    confirmations: z.int().min(1).default(d.confirmations).meta({ description: 'depth on the main chain at which a transaction is final (1: its block is the tip)' }),
    feeRate: z.number().nonnegative().default(0).meta({ description: 'fee per byte of transaction: feeFor(size) = feeRate x size (0: a fee-less chain run by the grid operators)' }),
    blockReward: z.number().nonnegative().default(0).meta({ description: 'new currency per main-chain block paid to its producer (reported per transaction as reward_per_tx)' }),
    headerBytes: z.int().positive().default(80).meta({ description: 'bytes of a block header' }),
  };
}
