// `ledgers[].kind: pob`: a proof-of-burn chain. A miner's chance of the next block is proportional to the
// currency it burns (a Poisson clock, the finder drawn by burn share); forks come from propagation, as in
// pow. The burn is the consensus cost and is reported as such; the energy is only the miners' nodes.

import type { LedgerContext, LedgerFactory } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { PoissonClock } from '../chain/blockClock.js';
import { producerWeights } from '../chain/weightedPick.js';
import { chainLedger, deviceEnergyKwh, type ChainLedger } from '../chain/chainLedger.js';
import type { PobConfig } from './schema.js';

const SECONDS_PER_HOUR = 3600;

export const createPob: LedgerFactory<PobConfig> = (config, ctx) => createPobLedger(config, ctx);

export function createPobLedger(config: PobConfig, ctx: LedgerContext): ChainLedger {
  const weights = producerWeights(config.miners, config.burnShares, 'burnShares');
  const chain = new Chain({
    producers: config.miners,
    weights,
    blockInterval: config.blockInterval,
    clock: new PoissonClock(config.blockInterval, weights, ctx.stream('burnLottery'), ctx.stream('burner')),
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (_txCount, bytes) => bytes,
  }, ctx);
  return chainLedger(chain, config, ctx, () => {
    const burnt = config.burnRate * ctx.duration;
    return {
      hashes: 0,
      energyKwh: deviceEnergyKwh(config.miners, config.minerPower, ctx.duration),
      attackCostPerHour: 0.5 * config.burnRate * SECONDS_PER_HOUR,
      extra: {
        burn_total: burnt,
        burn_per_tx: chain.mainTxCount === 0 ? null : burnt / chain.mainTxCount,
      },
    };
  });
}
