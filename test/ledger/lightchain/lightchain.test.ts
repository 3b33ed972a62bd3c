// LightChain: node storage stays bounded (Unrelated Block Offloading Filter) while the ledger grows;
// LightBlocks put header + ids on the wire; Synergistic Multiple Proof's block interval follows from the
// light-proof difficulty, the producers and their devices (or sets the difficulty from a target) and costs
// 2^bits hashes per block; runs are deterministic.

import { describe, expect, it } from 'vitest';
import { createLightchainLedger, type LightchainLedger } from '../../../src/ledger/lightchain/index.js';
import { lightchainSchema } from '../../../src/ledger/lightchain/schema.js';
import { smpTiming } from '../../../src/ledger/lightchain/smp.js';
import { runLedger } from '../chain/runLedger.js';

const TARGET = 30;
const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: TARGET, offloadAge: '30m' });
const network = { nodes: 20, degree: 4 };

function run(hours: number, seed = 3) {
  return runLedger((ctx) => createLightchainLedger(config, ctx), { duration: hours * 3600, rate: 2, issuers: 20, network, seed });
}

describe('lightchain', () => {
  const short = run(3);
  const long = run(12);

  it('keeps node storage bounded on a long run while the ledger grows', () => {
    expect(long.report.ledgerBytes / short.report.ledgerBytes).toBeGreaterThan(3.5);
    const bodies = (r: typeof short) => (r.ledger as LightchainLedger).nodeStorage().bodyBytes;
    // Bodies kept: about offloadAge of blocks plus the few whose outputs are spent late (each issuer
    // spends every 10 s on average), the same after 3 h and 12 h; 25% covers the Poisson wobble of the
    // last half hour's traffic (~3,600 transactions).
    expect(Math.abs(bodies(long) / bodies(short) - 1)).toBeLessThan(0.25);
    const halfHour = 2 * 250 * 1800;
    expect(bodies(long)).toBeLessThan(1.5 * halfHour);
    expect(bodies(long)).toBeGreaterThan(0.7 * halfHour);
    const headers = (long.ledger as LightchainLedger).chain.blocksFound * config.headerBytes;
    expect(long.report.nodeStorageBytes).toBe(headers + bodies(long));
    expect(long.report.nodeStorageBytes).toBeLessThan(0.1 * long.report.ledgerBytes);
  });

  it('relays blocks as header + transaction ids and counts light proofs as its computation', () => {
    const chain = (long.ledger as LightchainLedger).chain;
    const { store } = chain.inspect();
    for (const b of [1, 100, store.count - 1]) expect(store.wireBytes[b]).toBe(config.headerBytes + config.txIdBytes * store.txCount[b]);
    // Target 30 s with 20 producers on the default producer device (agent, 1e7 H/s): 30 x 20 x 1e7 = 6e9 hashes a proof.
    expect(long.report.hashes).toBeCloseTo(chain.blocksFound * 6e9, -4);
    expect(long.report.extra!.light_proof_difficulty_bits).toBeCloseTo(Math.log2(6e9), 12);
    expect(long.report.extra!.block_network_bytes_per_block!).toBeLessThan(store.bytes[100] * 2 * network.nodes * network.degree);
  });

  it('confirms transactions at depth 1 and reports a block time near the interval', () => {
    expect(long.txLog.confirmations).toBeGreaterThan(0.99 * long.txLog.count);
    // ~1,440 main blocks: the mean interval has sd 2.6%; 3 sd, plus the stale share (< 1% here).
    expect(Math.abs(long.report.blockIntervalS! / TARGET - 1)).toBeLessThan(0.09);
  });

  it('is deterministic for a seed', () => {
    expect(run(3).report).toEqual(short.report);
    expect(run(3, 4).report).not.toEqual(short.report);
  });

  it('derives the block interval from the light-proof difficulty, the producers and their hash rate', () => {
    // 2^24 hashes a proof, 20 producers of 1e5 H/s: 16,777,216 / 2e6 = 8.388608 s; 40 producers halve it.
    const derived = lightchainSchema.parse({ kind: 'lightchain', lightProofDifficulty: 24, producerDevice: 'slow' });
    expect(smpTiming(derived, 20, 1e5).blockInterval).toBeCloseTo(8.388608, 9);
    expect(smpTiming(derived, 40, 1e5).blockInterval).toBeCloseTo(4.194304, 9);
    expect(smpTiming(derived, 20, 1e5).hashesPerBlock).toBe(16_777_216);
    const devices = { slow: { hashRate: 1e5 } };
    const { ledger, report } = runLedger((ctx) => createLightchainLedger(derived, ctx), { duration: 4 * 3600, rate: 1, issuers: 20, network, seed: 5, devices });
    // ~1,700 blocks: the mean interval has sd 2.4%; 3 sd, plus the stale share (~1% here).
    expect(Math.abs(report.blockIntervalS! / 8.388608 - 1)).toBeLessThan(0.085);
    expect(report.hashes).toBe((ledger as LightchainLedger).chain.blocksFound * 16_777_216);
  });
});
