// pow against measured networks: the four calibration scenarios (scenarios/stale-*.yaml) reproduce the median
// block propagation times of Gervais et al. (ACM CCS 2016, Table I), and the simulated stale rates then come
// out within a factor of 2 of their measured ones (Ethereum: within 3; docs/ledger-pow.md says why).

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../../src/scenario/load.js';
import { SCENARIOS_DIR } from '../../../src/scenario/bundled.js';
import { simulateRun } from '../../../src/runner/simulateRun.js';
import { buildRunList } from '../../../src/scenario/runList.js';

interface Measured {
  chain: string;
  /** Median propagation time, s (Ethereum: the middle of their 0.5-0.75 s). */
  median: number;
  stale: number;
  /** Allowed factor between simulated and measured stale rates. */
  factor: number;
}

const MEASURED: Measured[] = [
  { chain: 'bitcoin', median: 8.7, stale: 0.0041, factor: 2 },
  { chain: 'litecoin', median: 1.02, stale: 0.00273, factor: 2 },
  { chain: 'dogecoin', median: 0.85, stale: 0.00619, factor: 2 },
  { chain: 'ethereum', median: 0.625, stale: 0.068, factor: 3 },
];

describe('pow stale rates against Gervais et al.', () => {
  it.each(MEASURED)('$chain: median propagation within 15%, stale rate within a factor of $factor', ({ chain, median, stale, factor }) => {
    // The one run `dv2g run scenarios/stale-<chain>.yaml` makes, with the same seed.
    const loaded = loadScenario(join(SCENARIOS_DIR, `stale-${chain}.yaml`));
    const [run] = buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications);
    const { metrics } = simulateRun(loaded.points[0].scenario, run);
    const simulatedMedian = metrics.block_propagation_median_s as number;
    const simulatedStale = metrics.stale_rate as number;
    expect(Math.abs(simulatedMedian / median - 1)).toBeLessThan(0.15);
    // Each scenario simulates 2,000-10,000 blocks, so that about 20 or more are stale: a sampling error near
    // 20%, well inside the factor allowed.
    expect(simulatedStale).toBeGreaterThan(stale / factor);
    expect(simulatedStale).toBeLessThan(stale * factor);
  });
});
