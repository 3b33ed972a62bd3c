// Tip selection over the revealed tangle: urts (a uniform random visible tip) and mcmc (a random walk
// from a start point some depth back towards the tips, biased by alpha to heavier approvers).
// Both respect conflicts: a node whose conflict side clashes with `side` is never chosen.

import type { Rng } from '../../engine/rng.js';
import { RevealCursor, type TangleDag } from './dag.js';
import type { ConflictSides } from './conflicts.js';
import { ensureLength } from '../../engine/typedArrays.js';

/** Returns a node to approve at time `now`, consistent with the conflict side `side` of the approvals chosen so far; -1 if none. */
export type TipSelector = (side: number, now: number) => number;

const URTS_ATTEMPTS = 16;

export function uniformTipSelector(dag: TangleDag, sides: ConflictSides, rng: Rng): TipSelector {
  return (side) => {
    for (let attempt = 0; attempt < URTS_ATTEMPTS; attempt++) {
      const tip = dag.tips[Math.floor(rng() * dag.tipCount)];
      if (sides.compatible(tip, side)) return tip;
    }
    return -1;
  };
}

/**
 * Walk from a start node drawn uniformly among the reveals between 2 window and window seconds ago, or between
 * 2 depth and depth reveals back where that reaches further (sparse traffic); from x step to approver y with
 * probability proportional to exp(-alpha (H_x - H_y)), H = cumulative weight. Every weight the walk reads is
 * exact: it reads nodes no further back than 2 window seconds or 2 depth reveals, which the dag keeps exact.
 */
export function mcmcTipSelector(dag: TangleDag, sides: ConflictSides, rng: Rng, alpha: number, window: number, depth: number): TipSelector {
  let chance: Float64Array = new Float64Array(64);
  let candidate: Int32Array = new Int32Array(64);
  let weight: Int32Array = new Int32Array(64);
  const startFrom = new RevealCursor(dag);
  const startBefore = new RevealCursor(dag);
  const bias = new StepBias(alpha);
  return (side, now) => {
    const revealed = dag.revealedCount;
    const first = Math.max(0, Math.min(startFrom.from(now - 2 * window), revealed - 2 * depth));
    const afterLast = Math.max(0, Math.min(startBefore.from(now - window), revealed - depth));
    const start = afterLast > first ? first + Math.floor(rng() * (afterLast - first)) : Math.min(first, revealed - 1);
    let x = dag.revealOrder[start];
    if (!sides.compatible(x, side)) return -1;
    for (;;) {
      let n = 0;
      let heaviest = -1;
      for (let e = dag.firstApprover[x]; e >= 0; e = dag.nextEdge(e)) {
        const y = dag.edgeApproverAt(e);
        if (!sides.compatible(y, side)) continue;
        if (n === candidate.length) {
          candidate = ensureLength(candidate, candidate.length + 1);
          weight = ensureLength(weight, weight.length + 1);
          chance = ensureLength(chance, chance.length + 1);
        }
        const w = dag.weightOf(y);
        candidate[n] = y;
        weight[n++] = w;
        if (w > heaviest) heaviest = w;
      }
      if (n === 0) return x;
      if (n === 1) {
        x = candidate[0];
        continue;
      }
      let total = 0;
      for (let i = 0; i < n; i++) {
        total += bias.of(heaviest - weight[i]);
        chance[i] = total;
      }
      const u = rng() * total;
      let i = 0;
      while (i < n - 1 && chance[i] <= u) i++;
      x = candidate[i];
    }
  };
}

/** Lighter approvers looked up rather than computed: exp(-alpha d) for weight deficits d below this. */
const TABULATED_DEFICITS = 1024;

/** exp(-alpha d) for a weight deficit d >= 0, the same number Math.exp gives, from a table for small d. */
class StepBias {
  private readonly table = new Float64Array(TABULATED_DEFICITS);

  constructor(private readonly alpha: number) {
    for (let d = 0; d < TABULATED_DEFICITS; d++) this.table[d] = Math.exp(alpha * -d);
  }

  of(deficit: number): number {
    return deficit < TABULATED_DEFICITS ? this.table[deficit] : Math.exp(this.alpha * -deficit);
  }
}
