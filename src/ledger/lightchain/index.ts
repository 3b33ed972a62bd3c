// `ledgers[].kind: lightchain`, after Liu et al. (IEEE TII 2019): Synergistic Multiple Proof (producers search
// light proofs on their devices, the first proof ends the round; its producer drawn by weight), LightBlock relay
// (header + transaction ids) and the Unrelated Block Offloading Filter on node storage.

import { type Ledger, type LedgerContext, type LedgerFactory, type LedgerGauges, type LedgerReport } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { producerWeights } from '../chain/weightedPick.js';
import { nodeStorage as storageAt, type NodeStorage } from './offloading.js';
import type { LightchainConfig } from './schema.js';
import { chainFigures } from '../chain/chainFigures.js';
import { attackCostPerHour, TxCompute } from '../txCompute.js';
import { smpTiming } from './smp.js';

const JOULES_PER_KWH = 3.6e6;
const SECONDS_PER_HOUR = 3600;

/** A lightchain ledger with its chain and node storage exposed for tests. */
export interface LightchainLedger extends Ledger {
  chain: Chain;
  nodeStorage(): NodeStorage;
}

export const createLightchain: LedgerFactory<LightchainConfig> = (config, ctx) => createLightchainLedger(config, ctx);

export function createLightchainLedger(config: LightchainConfig, ctx: LedgerContext): LightchainLedger {
  const producers = config.producers ?? ctx.network.nodes;
  const producerDevice = ctx.device(config.producerDevice);
  const compute = new TxCompute(ctx.device(config.issuerDevice), ctx.device(config.validatorDevice), ctx.network.nodes);
  const timing = smpTiming(config, producers, producerDevice.hashRate);
  const chain = new Chain({
    producers,
    weights: producerWeights(producers, config.weights, 'weights'),
    blockInterval: timing.blockInterval,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (txCount) => config.headerBytes + txCount * config.txIdBytes,
  }, ctx);
  const nodeStorage = () => storageAt(chain.inspect(), ctx.txLog, config.headerBytes, config.offloadAge, ctx.sim.now);

  return {
    chain,
    nodeStorage,
    feeFor: (sizeBytes) => config.feeRate * sizeBytes,
    submit: (tx) => chain.submit(tx, compute.issue()),
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const hashes = chain.blocksFound * timing.hashesPerBlock;
      const energyJ = hashes * producerDevice.joulesPerHash;
      const { store, main } = chain;
      for (let h = 1; h <= main.height; h++) compute.merkleProofs(store.txCount[main.blockAt[h]]);
      const storage = nodeStorage();
      const confirmed = ctx.txLog.confirmations;
      const mainBlocks = chain.main.height;
      return {
        hashes,
        energyKwh: (energyJ + compute.energyJ()) / JOULES_PER_KWH,
        ledgerBytes: chain.mainBytes,
        nodeStorageBytes: storage.headerBytes + storage.bodyBytes,
        networkBytes: chain.txNetworkBytes + chain.blockNetworkBytes,
        tipsMean: null,
        staleRate: chain.staleRate(),
        blockIntervalS: chain.blockInterval(),
        attackCostPerHour: ctx.sim.now > 0 ? attackCostPerHour((hashes / ctx.sim.now) * SECONDS_PER_HOUR, producerDevice) : null,
        issuerComputeSPerTx: compute.computeSPerTx(),
        issuerEnergyJPerTx: compute.energyJPerTx(),
        extra: {
          ...chainFigures(chain, config.blockReward),
          producer_revenue: chain.mainFees + config.blockReward * mainBlocks,
          energy_per_tx_j: confirmed === 0 ? null : energyJ / confirmed,
          offloaded_blocks: storage.offloadedBlocks,
          light_proof_difficulty_bits: timing.difficultyBits,
        },
      };
    },
    blocks: () => chain.blockColumns(),
  };
}
