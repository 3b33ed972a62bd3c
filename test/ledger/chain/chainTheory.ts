// Test helpers for chain kinds against theory: a chi-square goodness-of-fit of block producers against
// their shares, and the stale rate under a fixed propagation delay d (pow's setup: near 1 - exp(-d/T)).

import { chiSquaredDistributionTable } from 'simple-statistics';
import type { ChainLedger } from '../../../src/ledger/chain/chainLedger.js';
import type { LedgerContext } from '../../../src/ledger/ledger.js';
import { runLedger } from './runLedger.js';

/** Chi-square statistic of the producers of all found blocks against shares, and its 1% critical value. */
export function producerChiSquare(ledger: ChainLedger, shares: readonly number[]): { statistic: number; critical: number; blocks: number } {
  const blocks = ledger.blocks!();
  const counts = new Array<number>(shares.length).fill(0);
  for (let b = 1; b < blocks.count; b++) counts[blocks.producer[b]]++;
  const n = blocks.count - 1;
  const total = shares.reduce((a, s) => a + s, 0);
  const statistic = counts.reduce((acc, observed, i) => {
    const expected = (n * shares[i]) / total;
    return acc + (observed - expected) ** 2 / expected;
  }, 0);
  const df = shares.length - 1;
  const critical = chiSquaredDistributionTable[df as keyof typeof chiSquaredDistributionTable]['0.01'];
  return { statistic, critical, blocks: n };
}

/**
 * Stale rate of a chain with `producers` equal producers and mean interval T = 1 when every block reaches
 * every node exactly x seconds after it is found (full topology, constant latency x/3 per leg of announce,
 * request and transfer, unlimited bandwidth,
 * empty blocks), with the tolerance pow's test argues for: second-order terms x^2/2, a producer never
 * forking its own block (x / producers), and 3 standard errors of a share over the blocks found.
 */
export function staleAgainstTheory(create: (ctx: LedgerContext) => ChainLedger, producers: number, x: number, blocks: number): { stale: number; expected: number; tolerance: number } {
  const { report } = runLedger(create, { duration: blocks, rate: 0, network: { nodes: producers, topology: 'full', latency: x / 3, bandwidth: 'unlimited' } });
  const expected = 1 - Math.exp(-x);
  const se = Math.sqrt((expected * (1 - expected)) / blocks);
  return { stale: report.staleRate!, expected, tolerance: (x * x) / 2 + x / producers + 3 * se };
}
