// poet against theory: the first of equal exponential waits proposes, so proposers are uniform over the
// validators (chi-square at 1%), and forks come from propagation: the stale rate is near 1 - exp(-d/T).

import { describe, expect, it } from 'vitest';
import { createPoetLedger } from '../../../src/ledger/poet/index.js';
import { poetSchema } from '../../../src/ledger/poet/schema.js';
import { runLedger } from '../chain/runLedger.js';
import { producerChiSquare, staleAgainstTheory } from '../chain/chainTheory.js';

const VALIDATORS = 50;

describe('poet', () => {
  it.each([0.05, 0.2])('has a stale rate near 1 - exp(-d/T) at d/T = %s', (x) => {
    const { stale, expected, tolerance } = staleAgainstTheory(
      (ctx) => createPoetLedger(poetSchema.parse({ kind: 'poet', blockInterval: 1, validators: VALIDATORS }), ctx), VALIDATORS, x, 10_000,
    );
    expect(Math.abs(stale - expected)).toBeLessThan(tolerance);
    expect(stale).toBeGreaterThan(0);
  });

  it('picks proposers uniformly (chi-square at 1%)', () => {
    const { ledger } = runLedger(
      (ctx) => createPoetLedger(poetSchema.parse({ kind: 'poet', blockInterval: 1, validators: 10 }), ctx),
      { duration: 5000, rate: 0, network: { nodes: 10, latency: '1ms' } },
    );
    const { statistic, critical } = producerChiSquare(ledger, new Array(10).fill(1));
    expect(statistic).toBeLessThan(critical);
  });

  it('reports the idle trusted hardware as energy and no hashing', () => {
    const config = poetSchema.parse({ kind: 'poet', validators: 10, validatorPower: 50 });
    const { report } = runLedger((ctx) => createPoetLedger(config, ctx), { duration: 3600, rate: 1, network: { nodes: 10 } });
    expect(report.hashes).toBe(0);
    // The trusted hardware, plus signatures and their verification (under 0.1% here).
    expect(report.energyKwh).toBeGreaterThan((10 * 50 * 3600) / 3.6e6);
    expect(report.energyKwh).toBeLessThan(1.001 * (10 * 50 * 3600) / 3.6e6);
    // Half of the validators' hardware written off per hour plus their energy at the electricity price.
    const perDevice = config.hardwareCost / (config.hardwareLifetimeYears * 8760) + (50 / 1000) * config.electricityPrice;
    expect(report.attackCostPerHour).toBeCloseTo(5 * perDevice, 12);
  });
});
