// pos against theory: proposers in proportion to stake (chi-square at 1%), empty slots at the documented
// availability, no stale block when slots are longer than propagation (and stale blocks when they are not),
// and finality latency = confirmations x slot plus the transaction's propagation, computed by hand.

import { describe, expect, it } from 'vitest';
import { createPosLedger } from '../../../src/ledger/pos/index.js';
import { posSchema } from '../../../src/ledger/pos/schema.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { RngStreams } from '../../../src/engine/rng.js';
import { TxLog } from '../../../src/metrics/txLog.js';
import { deviceLookup } from '../../../src/devices/deviceModel.js';
import { devicesSchema } from '../../../src/scenario/devicesSchema.js';
import { networkSchema } from '../../../src/scenario/schema.js';
import { runLedger } from '../chain/runLedger.js';
import { producerChiSquare } from '../chain/chainTheory.js';

describe('pos', () => {
  it('draws proposers in proportion to stake (chi-square at 1%)', () => {
    const stakeShares = [1, 2, 3, 4, 10];
    const { ledger } = runLedger(
      (ctx) => createPosLedger(posSchema.parse({ kind: 'pos', blockInterval: 1, validators: 5, stakeShares, availability: 1 }), ctx),
      { duration: 5000, rate: 0, network: { nodes: 10, latency: '10ms' } },
    );
    const { statistic, critical, blocks } = producerChiSquare(ledger, stakeShares);
    expect(blocks).toBe(5000);
    expect(statistic).toBeLessThan(critical);
    // The same counts are far from equal stakes: the test can tell the shares apart.
    expect(producerChiSquare(ledger, [1, 1, 1, 1, 1]).statistic).toBeGreaterThan(critical);
  });

  it('leaves a slot empty when its proposer is offline, at rate 1 - availability', () => {
    const slots = 5000, availability = 0.8;
    const { report } = runLedger(
      (ctx) => createPosLedger(posSchema.parse({ kind: 'pos', blockInterval: 1, validators: 8, availability }), ctx),
      { duration: slots + 0.5, rate: 0, network: { nodes: 10, latency: '10ms' } },
    );
    const empty = report.extra!.empty_slots!;
    const sd = Math.sqrt(slots * availability * (1 - availability));
    expect(Math.abs(empty - slots * (1 - availability))).toBeLessThan(3 * sd);
    expect(report.extra!.blocks_found).toBe(slots - empty);
    expect(report.staleRate).toBe(0);
  });

  it('has no stale block when slots are longer than propagation, and stale blocks when they are shorter', () => {
    const run = (slot: number) => runLedger(
      (ctx) => createPosLedger(posSchema.parse({ kind: 'pos', blockInterval: slot, validators: 20 }), ctx),
      { duration: 2000, rate: 5, network: { nodes: 60, degree: 4, latency: '200ms', backbone: { degree: 0 } } },
    ).report;
    const long = run(4);
    expect(long.staleRate).toBe(0);
    expect(long.extra!.block_propagation_full_s!).toBeLessThan(4);
    expect(run(0.3).staleRate!).toBeGreaterThan(0.1);
  });

  it('finalises confirmations x slot after the first slot that the transaction reaches in time', () => {
    // One hop takes three legs (announce, request, transfer) of latency / 3: a second in all; signing is instant here.
    const slot = 10, confirmations = 3, latency = 1;
    const sim = new Simulation();
    const streams = new RngStreams(1);
    const txLog = new TxLog();
    const ledger = createPosLedger(posSchema.parse({ kind: 'pos', blockInterval: slot, validators: 4, confirmations, availability: 1 }), {
      sim, stream: (name) => streams.stream(`ledger.${name}`), txLog,
      network: networkSchema.parse({ nodes: 4, topology: 'full', latency: latency / 3, bandwidth: 'unlimited' }), duration: 200, warmup: 0,
      device: deviceLookup(devicesSchema.parse({ ev: { signTime: 0 } })), agents: 4,
    });
    // Submitted at 20: reaches the proposers at 21, misses the slot at 20, makes the slot at 30 (final at 50).
    // At 28.999: reaches them at 29.999, makes the slot at 30 (final at 50). At 29.001: reaches them at
    // 30.001, just misses the slot at 30, makes the slot at 40: the worst case, confirmations x slot + latency.
    const submitted = [20, 28.999, 29.001];
    const expectedLatency = [50 - 20, 50 - 28.999, 60 - 29.001];
    const submit = sim.register((i) => ledger.submit(txLog.add(0, 250, 1, 0, submitted[i])));
    submitted.forEach((t, i) => sim.at(t, submit, i));
    sim.run(200);
    const latencies = submitted.map((t, i) => txLog.confirmedAt[i] - t);
    latencies.forEach((l, i) => expect(l).toBeCloseTo(expectedLatency[i], 9));
    expect(Math.max(...latencies)).toBeCloseTo(confirmations * slot + latency - 0.001, 9);
  });
});
