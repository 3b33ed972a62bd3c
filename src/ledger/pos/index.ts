// `ledgers[].kind: pos`: a proof-of-stake chain. Fixed slots, one proposer per slot drawn in proportion to
// stake from the ledger's own stream, an empty slot when the proposer is offline; forks only when a block
// reaches the next proposer after its slot starts. Energy: the validators' devices; no hashing.

import type { LedgerContext, LedgerFactory } from '../ledger.js';
import { Chain } from '../chain/chain.js';
import { SlotClock } from '../chain/blockClock.js';
import { producerWeights } from '../chain/weightedPick.js';
import { chainLedger, deviceEnergyKwh, type ChainLedger } from '../chain/chainLedger.js';
import type { PosConfig } from './schema.js';

const HOURS_PER_YEAR = 8760;

export const createPos: LedgerFactory<PosConfig> = (config, ctx) => createPosLedger(config, ctx);

export function createPosLedger(config: PosConfig, ctx: LedgerContext): ChainLedger {
  const weights = producerWeights(config.validators, config.stakeShares, 'stakeShares');
  const clock = new SlotClock(config.blockInterval, weights, config.availability, ctx.stream('proposer'), ctx.stream('availability'));
  const chain = new Chain({
    producers: config.validators,
    weights,
    blockInterval: config.blockInterval,
    clock,
    blockSize: config.blockSize,
    headerBytes: config.headerBytes,
    confirmations: config.confirmations,
    wireBytes: (_txCount, bytes) => bytes,
  }, ctx);
  return chainLedger(chain, config, ctx, () => ({
    hashes: 0,
    energyKwh: deviceEnergyKwh(config.validators, config.validatorPower, ctx.duration),
    attackCostPerHour: posAttackCostPerHour(config),
    extra: { empty_slots: clock.emptySlots },
  }));
}

/** Holding half the stake for an hour: half the stake's value times its hourly opportunity cost. */
export function posAttackCostPerHour(config: PosConfig): number {
  return (0.5 * config.stakeValue * config.stakeCostRate) / HOURS_PER_YEAR;
}
