// Difficulty retargeting: with many stale blocks (d/T = 0.3) the main chain grows slower than the target
// interval; retargeting every 100 main-chain blocks lowers the difficulty until the main chain keeps time.

import { describe, expect, it } from 'vitest';
import { createPowLedger } from '../../../src/ledger/pow/index.js';
import { powSchema } from '../../../src/ledger/pow/schema.js';
import { runLedger } from '../chain/runLedger.js';

const T = 1;
const network = { nodes: 20, topology: 'full', latency: 0.3 * T, bandwidth: 'unlimited' } as const;

function mainChainInterval(retargetBlocks: number): number {
  const { report } = runLedger(
    (ctx) => createPowLedger(powSchema.parse({ kind: 'pow', blockInterval: T, miners: 20, retargetBlocks }), ctx),
    { duration: 6000 * T, rate: 0, network },
  );
  return report.blockIntervalS!;
}

describe('pow difficulty retargeting', () => {
  it('brings the main-chain block interval back to the target when stale blocks slow it down', () => {
    // Without retargeting about a fifth of the blocks go stale (1 - exp(-0.3) = 0.26 to first order), so
    // the main chain grows at least 15% slower than the target. The mean over ~6,000 main-chain blocks
    // has a standard error near 1/sqrt(6000) = 1.3%; after the first retargets the interval is within 8%.
    const fixed = mainChainInterval(0);
    const retargeted = mainChainInterval(100);
    expect(fixed).toBeGreaterThan(1.15 * T);
    expect(Math.abs(retargeted - T)).toBeLessThan(0.08 * T);
  });
});
