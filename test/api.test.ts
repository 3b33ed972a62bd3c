// The library API as the README shows it.

import { describe, expect, it } from 'vitest';
import { solveMarket, parseScenario, buildRunList } from '../src/index.js';

describe('library API', () => {
  it('solves the README instance with every market kind, optimal never worse', () => {
    const instance = { a: [0.02, 0.03, 0.01], b: [0.003, 0.004, 0.0035], limit: [5, 8, 3], demand: 12, peakerPrice: 0.3, priceMin: 0, priceMax: 0.5 };
    const optimal = solveMarket('optimal', instance);
    for (const kind of ['stackelberg', 'nash', 'fixed'] as const) {
      const out = solveMarket(kind, instance, { bargainingPower: 0.5, tariff: 0.15 });
      expect(out.energy).toHaveLength(3);
      expect(out.socialWelfare).toBeLessThanOrEqual(optimal.socialWelfare + 1e-12);
      expect(out.optimalityGap).toBeCloseTo(1 - out.socialWelfare / optimal.socialWelfare, 12);
      expect(out.optimalPrice).toBe(optimal.price);
      expect(out.optimalWelfare).toBeCloseTo(optimal.socialWelfare, 12);
    }
  });

  it('keeps existing run seeds when replications or sweep values are added', () => {
    const small = parseScenario('name: s\ncommonRandomNumbers: false\nreplications: 2\nsweep: {params: {fleet.size: [10, 20]}}\n', 's.yaml');
    const big = parseScenario('name: s\ncommonRandomNumbers: false\nreplications: 3\nsweep: {params: {fleet.size: [5, 10, 20]}}\n', 's.yaml');
    const seeds = (l: typeof small) => new Map(buildRunList(l.points, 1, l.scenario.replications).map((r) => [`${JSON.stringify(r.values)}/${r.replication}/${r.ledger}`, r.seed]));
    const before = seeds(small), after = seeds(big);
    for (const [key, seed] of before) expect(after.get(key)).toBe(seed);
    expect(new Set(after.values()).size).toBe(9);
  });

  it('gives every sweep point of a replication the same seed with common random numbers (the default)', () => {
    const loaded = parseScenario('name: s\nreplications: 2\nsweep: {params: {fleet.size: [5, 10, 20]}}\n', 's.yaml');
    const runs = buildRunList(loaded.points, 1, loaded.scenario.replications);
    for (const run of runs) expect(run.seed).toBe(runs.find((r) => r.replication === run.replication)!.seed);
    expect(new Set(runs.map((r) => r.seed)).size).toBe(2);
  });
});
