// TangleDag.countedWeight: a fresh count of a node's future cone, the same however often it is asked
// and whichever walks ran in between, on a hand-built tangle and against the kept weights of a simulated one.

import { describe, expect, it } from 'vitest';
import { TangleDag } from '../../../src/ledger/tangle/dag.js';
import { runTangle } from './harness.js';

/** Adds, attaches and reveals a node approving `parents` at time `now`. */
function issue(dag: TangleDag, parents: number[], now: number): number {
  const node = dag.add();
  parents.forEach((p, j) => dag.setParent(node, j, p));
  dag.attach(node);
  dag.reveal(node, now);
  return node;
}

describe('TangleDag.countedWeight', () => {
  it('counts a hand-built future cone, and counts it again unchanged', () => {
    const dag = new TangleDag(2, 1e9, 0, 0, () => {});
    // genesis 0 <- a, b; a <- c; a, b <- d; c, d <- e
    const a = issue(dag, [0, 0], 1);
    const b = issue(dag, [0, 0], 2);
    const c = issue(dag, [a, a], 3);
    const d = issue(dag, [a, b], 4);
    const e = issue(dag, [c, d], 5);
    const expected = new Map([[0, 6], [a, 4], [b, 3], [c, 2], [d, 2], [e, 1]]);
    for (let round = 0; round < 3; round++) {
      for (const [node, weight] of expected) expect(dag.countedWeight(node), `node ${node}, round ${round}`).toBe(weight);
    }
    const f = issue(dag, [e, b], 6);
    expect(dag.countedWeight(b)).toBe(4);
    expect(dag.countedWeight(b)).toBe(4);
    expect(dag.countedWeight(f)).toBe(1);
  });

  it('equals the kept weight of every node of a simulated tangle, asked twice with reveals in between', () => {
    const { ledger } = runTangle({ tipSelection: 'urts', delay: 1, confirmationWeight: 1e9 }, { rate: 5, duration: 60, issuers: 10 });
    const dag = ledger.dag;
    let checked = 0;
    for (let x = 0; x < dag.size; x++) {
      if (!dag.isRevealed(x)) continue;
      expect(dag.countedWeight(x)).toBe(dag.weightOf(x));
      expect(dag.countedWeight(x)).toBe(dag.weightOf(x));
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    const before = dag.countedWeight(0);
    issue(dag, [dag.tips[0], dag.tips[dag.tipCount - 1]], dag.clock + 1);
    expect(dag.countedWeight(0)).toBe(before + 1);
    expect(dag.weightOf(0)).toBe(before + 1);
  });
});
