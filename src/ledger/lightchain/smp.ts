// Synergistic Multiple Proof timing: every producer searches light proofs (hashes below a target of
// `difficulty` bits) on its device, and the first proof found anywhere ends the round and lets its producer
// propose. Hashing is memoryless, so rounds are exponential with mean 2^bits / (producers x hash rate).

import type { LightchainConfig } from './schema.js';

export interface SmpTiming {
  /** Light-proof difficulty, bits: a proof takes 2^bits hashes on average. */
  difficultyBits: number;
  /** Expected hashes per block, summed over all producers (2^bits: they search until the first proof). */
  hashesPerBlock: number;
  /** Expected time between blocks, s. */
  blockInterval: number;
}

/**
 * The round timing of `producers` producers of `producerHashRate` H/s each (their declared device's rate): from `lightProofDifficulty`,
 * or, where a target `blockInterval` is given, with the difficulty set to meet it.
 */
export function smpTiming(config: Pick<LightchainConfig, 'lightProofDifficulty' | 'blockInterval'>, producers: number, producerHashRate: number): SmpTiming {
  const power = producers * producerHashRate;
  const difficultyBits = config.blockInterval === undefined ? config.lightProofDifficulty : Math.log2(config.blockInterval * power);
  const hashesPerBlock = Math.pow(2, difficultyBits);
  return { difficultyBits, hashesPerBlock, blockInterval: hashesPerBlock / power };
}
