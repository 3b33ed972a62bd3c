// Cumulative weights and confirmation against a brute-force count on small random tangles.

import { describe, expect, it } from 'vitest';
import type { TangleDag } from '../../../src/ledger/tangle/index.js';
import { runTangle } from './harness.js';

/** Weight of every revealed node by brute force: itself plus every revealed node that reaches it via approvals. */
function bruteForceWeights(dag: TangleDag): Int32Array {
  const weights = new Int32Array(dag.size);
  const seen = new Int32Array(dag.size).fill(-1);
  const stack: number[] = [];
  for (let start = 0; start < dag.size; start++) {
    if (!dag.isRevealed(start)) continue;
    stack.push(start);
    seen[start] = start;
    while (stack.length) {
      const x = stack.pop()!;
      weights[x]++;
      for (let j = 0; j < dag.approvals; j++) {
        const p = dag.parent(x, j);
        if (p >= 0 && seen[p] !== start) (seen[p] = start), stack.push(p);
      }
    }
  }
  return weights;
}

const SMALL = { rate: 5, duration: 120, issuers: 10 };
const RANDOM_DELAY = { dist: 'exponential', mean: 1 };

describe('tangle cumulative weights', () => {
  it.each(['urts', 'mcmc'])('%s: with confirmation off every weight equals the brute-force count', (tipSelection) => {
    const { ledger, txLog } = runTangle({ tipSelection, walkWindow: 4, delay: RANDOM_DELAY, confirmationWeight: 1e9 }, SMALL);
    const dag = ledger.dag;
    const brute = bruteForceWeights(dag);
    let revealed = 0;
    for (let x = 0; x < dag.size; x++) {
      if (!dag.isRevealed(x)) continue;
      revealed++;
      expect(dag.weightOf(x)).toBe(brute[x]);
    }
    expect(revealed).toBeGreaterThan(400);
    expect(txLog.confirmations).toBe(0);
  });

  it.each(['urts', 'mcmc'])('%s: with confirmation on, unconfirmed and walk-reachable weights are exact', (tipSelection) => {
    const threshold = 8;
    const { ledger, txLog } = runTangle({ tipSelection, walkWindow: 4, delay: RANDOM_DELAY, confirmationWeight: threshold }, SMALL);
    const dag = ledger.dag;
    const brute = bruteForceWeights(dag);
    let unconfirmed = 0, confirmed = 0;
    for (let x = 0; x < dag.size; x++) {
      if (!dag.isRevealed(x)) continue;
      if (!dag.isFrozen(x)) expect(dag.weightOf(x)).toBe(brute[x]);
      if (dag.isConfirmed(x)) {
        confirmed++;
        expect(brute[x]).toBeGreaterThanOrEqual(threshold);
        for (let j = 0; j < dag.approvals; j++) {
          const p = dag.parent(x, j);
          if (p >= 0) expect(dag.isConfirmed(p)).toBe(true);
        }
      } else {
        unconfirmed++;
        expect(brute[x]).toBeLessThan(threshold);
      }
    }
    expect(unconfirmed).toBeGreaterThan(5);
    expect(confirmed).toBeGreaterThan(400);
    // the genesis confirms like any node but is no transaction of the log
    expect(txLog.confirmations).toBe(confirmed - 1);
  });

  it('mcmc keeps the nodes revealed in the last 2 walkWindow exact even when confirmed (the walk reads them)', () => {
    const walkWindow = 3;
    const { ledger } = runTangle({ tipSelection: 'mcmc', walkWindow, delay: 1, confirmationWeight: 3 }, SMALL);
    const dag = ledger.dag;
    const brute = bruteForceWeights(dag);
    const first = dag.firstRevealedFrom(dag.clock - 2 * walkWindow);
    expect(dag.revealedCount - first).toBeGreaterThan(20);
    let frozen = 0;
    for (let x = 0; x < dag.size; x++) if (dag.isRevealed(x) && dag.isFrozen(x)) frozen++;
    expect(frozen).toBeGreaterThan(400);
    for (let seq = first; seq < dag.revealedCount; seq++) {
      const x = dag.revealOrder[seq];
      expect(dag.isFrozen(x)).toBe(false);
      expect(dag.weightOf(x)).toBe(brute[x]);
    }
  });

  it('mcmc on sparse traffic walks from walkDepth reveals back, keeps those weights exact and leaves nothing behind', () => {
    // 0.2 tx/s with h = 0.1 s: no transaction is ever revealed inside the 1 s walk window, so the walk
    // must start walkDepth reveals back; with a start at the latest reveal every issuer would pile onto one tip.
    const walkDepth = 10;
    const { ledger, txLog } = runTangle({ tipSelection: 'mcmc', walkDepth, delay: 0.1, confirmationWeight: 5 }, { rate: 0.2, duration: 4000, issuers: 10 });
    const dag = ledger.dag;
    const brute = bruteForceWeights(dag);
    expect(dag.revealedCount).toBeGreaterThan(600);
    for (let seq = dag.revealedCount - 2 * walkDepth; seq < dag.revealedCount; seq++) {
      const x = dag.revealOrder[seq];
      expect(dag.isFrozen(x)).toBe(false);
      expect(dag.weightOf(x)).toBe(brute[x]);
    }
    const report = ledger.report();
    expect(report.tipsMean!).toBeLessThan(3);
    expect(report.extra!.orphan_tx!).toBeLessThanOrEqual(2);
    expect(txLog.confirmations).toBeGreaterThan(txLog.count - 20);
  });
});
