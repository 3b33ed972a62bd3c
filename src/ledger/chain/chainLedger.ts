// A chain ledger assembled from the shared machinery: fees by the byte, submission to the chain's
// mempool, gauges, the report every chain kind gives (its consensus energy and extras added), and blocks.

import type { Ledger, LedgerGauges, LedgerReport } from '../ledger.js';
import type { Chain } from './chain.js';
import { chainFigures } from './chainFigures.js';

const JOULES_PER_KWH = 3.6e6;

/** A chain ledger with its chain exposed for tests. */
export interface ChainLedger extends Ledger {
  chain: Chain;
}

export interface ConsensusCost {
  hashes: number;
  energyKwh: number;
  /** Kind-specific figures (e.g. attack_cost_per_hour, burn_total), added to the common chain figures. */
  extra: Record<string, number | null>;
}

export function chainLedger(chain: Chain, feeRate: number, blockReward: number, cost: () => ConsensusCost): ChainLedger {
  return {
    chain,
    feeFor: (sizeBytes) => feeRate * sizeBytes,
    submit: (tx) => chain.submit(tx),
    gauges: (): LedgerGauges => ({ tips: null, mempool: chain.pending, ledgerBytes: chain.mainBytes }),
    report: (): LedgerReport => {
      const { hashes, energyKwh, extra } = cost();
      return {
        hashes,
        energyKwh,
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
