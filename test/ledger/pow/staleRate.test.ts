// pow against theory: equal miners, every block reaching every miner exactly d after it is found
// (full topology, constant latency d/3 per leg of announce, request and transfer, unlimited bandwidth,
// empty blocks): stale rate near 1 - exp(-d/T).

import { describe, expect, it } from 'vitest';
import { createPowLedger } from '../../../src/ledger/pow/index.js';
import { powSchema } from '../../../src/ledger/pow/schema.js';
import { runLedger } from '../chain/runLedger.js';

const MINERS = 50;
const T = 1;
const BLOCKS = 20_000;

describe('pow stale rate', () => {
  it.each([0.02, 0.05, 0.1, 0.2])('is near 1 - exp(-d/T) at d/T = %s', (x) => {
    const { report } = runLedger(
      (ctx) => createPowLedger(powSchema.parse({ kind: 'pow', blockInterval: T, miners: MINERS }), ctx),
      { duration: BLOCKS * T, rate: 0, network: { nodes: MINERS, topology: 'full', latency: (x * T) / 3, bandwidth: 'unlimited' } },
    );
    const expected = 1 - Math.exp(-x);
    const stale = report.staleRate!;
    // Tolerance: 1 - exp(-x) is the first-order answer (another block found within d of each block); the
    // second-order terms (ties resolved by later blocks, several blocks in one window) are O(x^2/2); a miner
    // never forks its own block, which removes a share 1/MINERS of the forks (x/MINERS); and the sampling
    // error of a share over ~20,000 blocks is sqrt(p(1-p)/n), allowed 3 times.
    const se = Math.sqrt((expected * (1 - expected)) / BLOCKS);
    const tolerance = (x * x) / 2 + x / MINERS + 3 * se;
    expect(Math.abs(stale - expected)).toBeLessThan(tolerance);
    expect(stale).toBeGreaterThan(0);
  });
});
