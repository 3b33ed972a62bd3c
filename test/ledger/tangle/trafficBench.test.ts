// The tangle-market bench's pieces: a market run's traffic replayed to the tangle alone settles it, and the
// Poisson stand-in keeps its count, span, issuers and sizes (timing is dv2g bench's, not asserted).

import { expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { buildRunList } from '../../../src/scenario/runList.js';
import { simulateRun } from '../../../src/runner/simulateRun.js';
import { poissonLike, replayTangle, trafficOf } from '../../../src/ledger/tangle/trafficBench.js';

it('replays a market run\'s settlement traffic, and Poisson traffic like it, through the tangle alone', () => {
  const loaded = parseScenario('name: t\nseed: 2\nduration: 6h\nfleet: {size: 300}\ngrid: {agents: 3}\nledgers: [{kind: tangle}]\n', 't.yaml');
  const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
  const outcome = simulateRun(loaded.points[0].scenario, run);
  const market = trafficOf(outcome.log);
  const n = market.times.length;
  expect(n).toBe(outcome.log.count);
  expect(n).toBeGreaterThan(100);
  for (let i = 1; i < n; i++) expect(market.times[i]).toBeGreaterThanOrEqual(market.times[i - 1]);

  const poisson = poissonLike(market, 1);
  expect(poisson.times.length).toBe(n);
  expect(poisson.issuers).toEqual(market.issuers);
  expect(poisson.sizes).toEqual(market.sizes);
  const span = (t: Float64Array) => t[t.length - 1] - t[0];
  expect(Math.abs(span(poisson.times) - span(market.times)) / span(market.times)).toBeLessThan(0.25);

  for (const traffic of [market, poisson]) {
    const result = replayTangle(traffic, 1);
    expect(result.transactions).toBe(n);
    expect(result.confirmed).toBeGreaterThan(0.95 * n);
    expect(result.events).toBeGreaterThanOrEqual(3 * n);
  }
  // the replay is deterministic
  expect(replayTangle(market, 1)).toEqual(replayTangle(market, 1));
});
