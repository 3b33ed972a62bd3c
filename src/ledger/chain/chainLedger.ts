// A chain ledger assembled from the shared machinery: fees by the byte, submission to the chain's
// mempool after the issuer signs, gauges, the report every chain kind gives (its consensus energy plus
// signatures, verifications and Merkle proofs on the declared devices, its attack cost and extras), and blocks.

import type { Ledger, LedgerContext, LedgerGauges, LedgerReport } from '../ledger.js';
import type { Chain } from './chain.js';
import { chainFigures } from './chainFigures.js';
import { TxCompute } from '../txCompute.js';

const JOULES_PER_KWH = 3.6e6;

/** A chain ledger with its chain exposed for tests. */
export interface ChainLedger extends Ledger {
  chain: Chain;
}

export interface ConsensusCost {
  hashes: number;
  /** Energy of the consensus itself (signatures and proofs are added here), kWh. */
  energyKwh: number;
  /** Currency per hour to hold half the consensus power (stake, burn, trusted hardware). */
  attackCostPerHour: number | null;
  /** Kind-specific figures (e.g. burn_total), added to the common chain figures. */
  extra: Record<string, number | null>;
}

/** The keys of a chain kind that chainLedger reads. */
export interface ChainLedgerConfig {
  feeRate: number;
  blockReward: number;
  issuerDevice: string;
  validatorDevice: string;
}

export function chainLedger(chain: Chain, config: ChainLedgerConfig, ctx: LedgerContext, cost: () => ConsensusCost): ChainLedger {
  const compute = new TxCompute(ctx.device(config.issuerDevice), ctx.device(config.validatorDevice), ctx.network.nodes);
  return {
    chain,
    feeFor: (sizeBytes) => config.feeRate * sizeBytes,
    submit: (tx) => chain.submit(tx, compute.issue()),
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const { hashes, energyKwh, attackCostPerHour, extra } = cost();
      const { store, main } = chain;
      for (let h = 1; h <= main.height; h++) compute.merkleProofs(store.txCount[main.blockAt[h]]);
      const { blockReward } = config;
      return {
        hashes,
        energyKwh: energyKwh + compute.energyJ() / JOULES_PER_KWH,
        attackCostPerHour,
        issuerComputeSPerTx: compute.computeSPerTx(),
        issuerEnergyJPerTx: compute.energyJPerTx(),
        ledgerBytes: chain.mainBytes,
        nodeStorageBytes: chain.allBlockBytes,
        networkBytes: chain.txNetworkBytes + chain.blockNetworkBytes,
        tipsMean: null,
        staleRate: chain.staleRate(),
        blockIntervalS: chain.blockInterval(),
        extra: { ...chainFigures(chain, blockReward), producer_revenue: chain.mainFees + blockReward * chain.main.height, ...extra },
      };
    },
    blocks: () => chain.blockColumns(),
  };
}

/** Energy of `count` always-on devices drawing `watts` each for `seconds`, kWh. */
export function deviceEnergyKwh(count: number, watts: number, seconds: number): number {
  return (count * watts * seconds) / JOULES_PER_KWH;
}
