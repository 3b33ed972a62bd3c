// The figures every chain ledger reports alike (runs.csv extras): blocks found and stale, block
// relay cost and propagation times, the mining reward per transaction, what is left in the mempool.

import type { Chain } from './chain.js';

export function chainFigures(chain: Chain, blockReward: number): Record<string, number | null> {
  const delays = chain.propagationDelays();
  const mainBlocks = chain.main.height;
  return {
    reward_per_tx: chain.mainTxCount === 0 ? null : (blockReward * mainBlocks) / chain.mainTxCount,
    blocks_found: chain.blocksFound,
    stale_blocks: chain.blocksFound - mainBlocks,
    block_network_bytes_per_block: chain.blocksFound === 0 ? null : chain.blockNetworkBytes / chain.blocksFound,
    block_propagation_mean_s: delays.mean,
    block_propagation_median_s: delays.median,
    block_propagation_full_s: delays.full,
    block_propagation_producers_s: delays.producers,
    mempool_end: chain.pending,
  };
}
