// `ledgers[].kind: lightchain`, after Liu et al. (IEEE TII 2019): Synergistic Multiple Proof (one producer
// per round by a weighted lottery, each producer computing only a light proof), LightBlock relay (header +
// transaction ids) and the Unrelated Block Offloading Filter on node storage.

import type { Ledger, LedgerContext, LedgerFactory, LedgerGauges, LedgerReport } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { producerWeights } from '../chain/weightedPick.js';
import { OutputSpends, type NodeStorage } from './offloading.js';
import type { LightchainConfig } from './schema.js';
import { chainFigures } from '../chain/chainFigures.js';

const JOULES_PER_KWH = 3.6e6;

/** A lightchain ledger with its chain and node storage exposed for tests. */
export interface LightchainLedger extends Ledger {
  chain: Chain;
  nodeStorage(): NodeStorage;
}

export const createLightchain: LedgerFactory<LightchainConfig> = (config, ctx) => createLightchainLedger(config, ctx);

export function createLightchainLedger(config: LightchainConfig, ctx: LedgerContext): LightchainLedger {
  const producers = config.producers ?? ctx.network.nodes;
  const chain = new Chain({
    producers,
    weights: producerWeights(producers, config.weights, 'weights'),
    blockInterval: config.blockInterval,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (txCount) => config.headerBytes + txCount * config.txIdBytes,
  }, ctx);
  const spends = new OutputSpends();
  const nodeStorage = () => spends.nodeStorage(chain.inspect(), config.headerBytes, config.offloadAge, ctx.sim.now);

  return {
    chain,
    nodeStorage,
    feeFor: (sizeBytes) => config.feeRate * sizeBytes,
    submit: (tx) => {
      spends.record(tx, ctx.txLog.issuer[tx], ctx.sim.now);
      chain.submit(tx);
    },
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const hashes = chain.blocksFound * producers * config.proofHashes;
      const energyJ = hashes * config.joulesPerHash;
      const storage = nodeStorage();
      const confirmed = ctx.txLog.confirmations;
      const mainBlocks = chain.main.height;
      return {
        hashes,
        energyKwh: energyJ / JOULES_PER_KWH,
        ledgerBytes: chain.mainBytes,
        nodeStorageBytes: storage.headerBytes + storage.bodyBytes,
        networkBytes: chain.txNetworkBytes + chain.blockNetworkBytes,
        tipsMean: null,
        staleRate: chain.staleRate(),
        blockIntervalS: chain.blockInterval(),
        extra: {
          ...chainFigures(chain, config.blockReward),
          producer_revenue: chain.mainFees + config.blockReward * mainBlocks,
          energy_per_tx_j: confirmed === 0 ? null : energyJ / confirmed,
          offloaded_blocks: storage.offloadedBlocks,
        },
      };
    },
    blocks: () => chain.blockColumns(),
  };
}
