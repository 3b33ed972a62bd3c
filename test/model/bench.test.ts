// Checks that the market benchmark runs a full day (its timing is reported by dv2g bench, not asserted).

import { expect, it } from 'vitest';
import { benchMarket } from '../../src/model/bench.js';

it('runs a one-day market of a small fleet', () => {
  const result = benchMarket(300);
  expect(result.evs).toBe(300);
  expect(result.negotiations).toBe(96 * 4);
  expect(result.transactions).toBeGreaterThan(0);
  expect(result.energyTradedKwh).toBeGreaterThan(0);
});
