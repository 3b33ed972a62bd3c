// `ledgers[].kind: pow`: a Bitcoin-like proof-of-work chain. Miners race with hash-power shares
// (one Poisson clock at the total rate, the finder picked by share), blocks carry full transactions.

import type { Ledger, LedgerContext, LedgerFactory, LedgerGauges, LedgerReport } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { producerWeights } from '../chain/weightedPick.js';
import { Retarget } from './retarget.js';
import type { PowConfig } from './schema.js';
import { chainFigures } from '../chain/chainFigures.js';

const JOULES_PER_KWH = 3.6e6;

/** A pow ledger with its chain exposed for tests. */
export interface PowLedger extends Ledger {
  chain: Chain;
}

export const createPow: LedgerFactory<PowConfig> = (config, ctx) => createPowLedger(config, ctx);

export function createPowLedger(config: PowConfig, ctx: LedgerContext): PowLedger {
  const retarget = new Retarget(config.retargetBlocks, config.blockInterval, config.hashRate);
  let hashes = 0;
  const chain: Chain = new Chain({
    producers: config.miners,
    weights: producerWeights(config.miners, config.hashShares, 'hashShares'),
    blockInterval: config.blockInterval,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (_txCount, bytes) => bytes,
    onBlock: () => {
      hashes += retarget.difficulty;
      retarget.afterBlock(chain);
    },
  }, ctx);

  return {
    chain,
    feeFor: (sizeBytes) => config.feeRate * sizeBytes,
    submit: (tx) => chain.submit(tx),
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const mainBlocks = chain.main.height;
      return {
        hashes,
        energyKwh: (hashes * config.joulesPerHash) / JOULES_PER_KWH,
        ledgerBytes: chain.mainBytes,
        nodeStorageBytes: chain.allBlockBytes,
        networkBytes: chain.txNetworkBytes + chain.blockNetworkBytes,
        tipsMean: null,
        staleRate: chain.staleRate(),
        blockIntervalS: chain.blockInterval(),
        extra: {
          ...chainFigures(chain, config.blockReward),
          miner_revenue: chain.mainFees + config.blockReward * mainBlocks,
          deep_reorgs: chain.main.deepReorgs,
        },
      };
    },
    blocks: () => chain.blockColumns(),
  };
}
