// pob against theory: a miner's chance of the next block is its share of the burn (chi-square at 1%);
// forks come from propagation (stale rate near 1 - exp(-d/T)); the burn is reported as the cost.

import { describe, expect, it } from 'vitest';
import { createPobLedger } from '../../../src/ledger/pob/index.js';
import { pobSchema } from '../../../src/ledger/pob/schema.js';
import { runLedger } from '../chain/runLedger.js';
import { producerChiSquare, staleAgainstTheory } from '../chain/chainTheory.js';

const MINERS = 50;

describe('pob', () => {
  it('gives blocks in proportion to burn (chi-square at 1%)', () => {
    const burnShares = [5, 1, 1, 2, 8, 3];
    const { ledger } = runLedger(
      (ctx) => createPobLedger(pobSchema.parse({ kind: 'pob', blockInterval: 1, miners: 6, burnShares }), ctx),
      { duration: 5000, rate: 0, network: { nodes: 10, latency: '1ms' } },
    );
    const { statistic, critical } = producerChiSquare(ledger, burnShares);
    expect(statistic).toBeLessThan(critical);
    expect(producerChiSquare(ledger, new Array(6).fill(1)).statistic).toBeGreaterThan(critical);
  });

  it.each([0.05, 0.2])('has a stale rate near 1 - exp(-d/T) at d/T = %s', (x) => {
    const { stale, expected, tolerance } = staleAgainstTheory(
      (ctx) => createPobLedger(pobSchema.parse({ kind: 'pob', blockInterval: 1, miners: MINERS }), ctx), MINERS, x, 10_000,
    );
    expect(Math.abs(stale - expected)).toBeLessThan(tolerance);
    expect(stale).toBeGreaterThan(0);
  });

  it('reports the burn as its cost, half the burn rate per hour as the attack cost, and no hashing', () => {
    const { report } = runLedger(
      (ctx) => createPobLedger(pobSchema.parse({ kind: 'pob', miners: 4, burnRate: 0.02, blockInterval: 30 }), ctx),
      { duration: 7200, rate: 1, network: { nodes: 10 } },
    );
    expect(report.hashes).toBe(0);
    expect(report.extra!.burn_total).toBeCloseTo(0.02 * 7200, 9);
    expect(report.attackCostPerHour).toBeCloseTo(0.5 * 0.02 * 3600, 9);
    // The miners' devices, plus signatures and their verification (under 0.1% here).
    expect(report.energyKwh).toBeGreaterThan((4 * 30 * 7200) / 3.6e6);
    expect(report.energyKwh).toBeLessThan(1.001 * (4 * 30 * 7200) / 3.6e6);
  });
});
