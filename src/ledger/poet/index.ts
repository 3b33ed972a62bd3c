// `ledgers[].kind: poet`: a proof-of-elapsed-time chain (Intel's PoET, as in Hyperledger Sawtooth). Every
// validator waits an exponential time drawn by its trusted timer and the first to finish proposes; the
// minimum of equal memoryless waits is one Poisson clock with a uniformly drawn winner, so this is the
// chain's default clock with equal weights. Forks come from propagation, as in pow; the energy is the
// validators' idle trusted hardware, not hashing.

import type { LedgerContext, LedgerFactory } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { producerWeights } from '../chain/weightedPick.js';
import { chainLedger, deviceEnergyKwh, type ChainLedger } from '../chain/chainLedger.js';
import type { PoetConfig } from './schema.js';

const HOURS_PER_YEAR = 8760;

export const createPoet: LedgerFactory<PoetConfig> = (config, ctx) => createPoetLedger(config, ctx);

export function createPoetLedger(config: PoetConfig, ctx: LedgerContext): ChainLedger {
  const chain = new Chain({
    producers: config.validators,
    weights: producerWeights(config.validators, undefined, 'validators'),
    blockInterval: config.blockInterval,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (_txCount, bytes) => bytes,
  }, ctx);
  return chainLedger(chain, config, ctx, () => ({
    hashes: 0,
    energyKwh: deviceEnergyKwh(config.validators, config.validatorPower, ctx.duration),
    attackCostPerHour: poetAttackCostPerHour(config),
    extra: {},
  }));
}

/** Running as many trusted timers as half the validators for an hour: their hardware written off per hour plus their energy. */
export function poetAttackCostPerHour(config: PoetConfig): number {
  const hardwarePerHour = config.hardwareCost / (config.hardwareLifetimeYears * HOURS_PER_YEAR);
  const energyPerHour = (config.validatorPower / 1000) * config.electricityPrice;
  return 0.5 * config.validators * (hardwarePerHour + energyPerHour);
}
