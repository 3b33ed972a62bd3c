// Checks that the market and day-ahead benchmarks run a full day (their timing is reported by dv2g bench, not asserted).

import { expect, it } from 'vitest';
import { benchDayAhead, benchMarket, benchValleyFilling } from '../../src/model/bench.js';

it('runs a one-day market of a small fleet', () => {
  const result = benchMarket(300);
  expect(result.evs).toBe(300);
  expect(result.negotiations).toBe(96 * 4);
  expect(result.transactions).toBeGreaterThan(0);
  expect(result.energyTradedKwh).toBeGreaterThan(0);
});

it('solves the day-ahead optimum of a small fleet to its tolerance', () => {
  const result = benchDayAhead(200);
  expect(result.sessions).toBeGreaterThanOrEqual(200);
  expect(result.iterations).toBeGreaterThan(1);
  expect(result.gap).toBeLessThanOrEqual(1e-9);
});

it('plans a small fleet\'s day by valley filling within the default rounds', () => {
  const result = benchValleyFilling(300);
  expect(result.sessions).toBeGreaterThanOrEqual(300);
  expect(result.rounds).toBeGreaterThan(1);
  expect(result.rounds).toBeLessThanOrEqual(50);
});
