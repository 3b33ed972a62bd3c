// `ledgers[].kind: pow`: a Bitcoin-like proof-of-work chain. Miners race with hash-power shares
// (one Poisson clock at the total rate, the finder picked by share), blocks carry full transactions.
// By default a dedicated V2G chain (the grid agents mine, one minerDevice each, all the time);
// `preset: bitcoin-public` charges the V2G traffic its share of the public network's block space.

import type { Ledger, LedgerContext, LedgerFactory, LedgerGauges, LedgerReport } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { producerWeights } from '../chain/weightedPick.js';
import { Retarget } from './retarget.js';
import { BITCOIN_HASH_RATE, PUBLIC_MINERS, type PowConfig } from './schema.js';
import { chainFigures } from '../chain/chainFigures.js';
import { attackCostPerHour, TxCompute } from '../txCompute.js';

const JOULES_PER_KWH = 3.6e6;
const SECONDS_PER_HOUR = 3600;
/** Bytes of a transaction's short id in a compact block (BIP 152). */
const SHORT_ID_BYTES = 6;

/** A pow ledger with its chain exposed for tests. */
export interface PowLedger extends Ledger {
  chain: Chain;
}

/** Miners and their total hash rate after the preset's defaults. */
export function powMining(config: PowConfig, agents: number, minerHashRate: number): { miners: number; hashRate: number } {
  const isPublic = config.preset === 'bitcoin-public';
  const miners = config.miners ?? (isPublic ? PUBLIC_MINERS : agents);
  return { miners, hashRate: config.hashRate ?? (isPublic ? BITCOIN_HASH_RATE : miners * minerHashRate) };
}

export const createPow: LedgerFactory<PowConfig> = (config, ctx) => createPowLedger(config, ctx);

export function createPowLedger(config: PowConfig, ctx: LedgerContext): PowLedger {
  const minerDevice = ctx.device(config.minerDevice);
  const { miners, hashRate } = powMining(config, ctx.agents, minerDevice.hashRate);
  const compute = new TxCompute(ctx.device(config.issuerDevice), ctx.device(config.validatorDevice), ctx.network.nodes);
  const retarget = new Retarget(config.retargetBlocks, config.blockInterval, hashRate);
  const chain: Chain = new Chain({
    producers: miners,
    weights: producerWeights(miners, config.hashShares, 'hashShares'),
    blockInterval: config.blockInterval,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (txCount, bytes) => (config.compactBlocks ? config.headerBytes + SHORT_ID_BYTES * txCount : bytes),
    onBlock: () => retarget.afterBlock(chain),
  }, ctx);

  /** Hashes charged to the V2G traffic: all mining on a dedicated chain, its block-space share on the public one. */
  const chargedHashes = (): number => {
    const mined = hashRate * ctx.sim.now;
    if (config.preset === 'dedicated') return mined;
    const { main } = chain;
    const blockSpace = main.height * config.blockSize;
    return blockSpace === 0 ? 0 : (mined * (chain.mainBytes - main.height * config.headerBytes)) / blockSpace;
  };

  return {
    chain,
    feeFor: (sizeBytes) => config.feeRate * sizeBytes,
    submit: (tx) => chain.submit(tx, compute.issue()),
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const mainBlocks = chain.main.height;
      const { store, main } = chain;
      for (let h = 1; h <= mainBlocks; h++) compute.merkleProofs(store.txCount[main.blockAt[h]]);
      const hashes = chargedHashes();
      return {
        hashes,
        energyKwh: (hashes * minerDevice.joulesPerHash + compute.energyJ()) / JOULES_PER_KWH,
        ledgerBytes: chain.mainBytes,
        nodeStorageBytes: chain.allBlockBytes,
        networkBytes: chain.txNetworkBytes + chain.blockNetworkBytes,
        tipsMean: null,
        staleRate: chain.staleRate(),
        blockIntervalS: chain.blockInterval(),
        attackCostPerHour: attackCostPerHour(hashRate * SECONDS_PER_HOUR, minerDevice),
        issuerComputeSPerTx: compute.computeSPerTx(),
        issuerEnergyJPerTx: compute.energyJPerTx(),
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
