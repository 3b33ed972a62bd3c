// The tangle's zone bit sets (explicit weights for unconfirmed nodes, implicit ones for confirmed nodes in the
// zone) against the plain past-cone walk they replace: on random tangles (recent and old approvals, hidden
// chains revealed at once, bursts that outgrow the ring, every horizon setting) every weight, frozen or not,
// during the run and at its end, and every confirmation, with its reveal, must be the same.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { TangleDag } from '../../../src/ledger/tangle/index.js';

/** The walk dv2g used before the zone sets: depth first over the past cone, stopping at frozen nodes. */
class PlainWalkWeights {
  parents: number[][] = [];
  weight: number[] = [];
  confirmed: boolean[] = [];
  revealSeq: number[] = [];
  revealTime: number[] = [];
  confirmedAt: number[] = [];

  constructor(private readonly threshold: number, private readonly window: number, private readonly depth: number) {}

  add(parents: number[]): void {
    this.parents.push(parents);
    this.weight.push(0);
    this.confirmed.push(false);
    this.revealSeq.push(-1);
    this.confirmedAt.push(-1);
  }

  reveal(node: number, now: number, step: number): void {
    this.revealSeq[node] = this.revealTime.length;
    this.revealTime.push(now);
    this.weight[node] = 1;
    this.check(node, step);
    const count = this.revealTime.length;
    let fromTime = count;
    while (fromTime > 0 && this.revealTime[fromTime - 1] >= now - this.window) fromTime--;
    const horizon = Math.max(0, Math.min(fromTime, count - this.depth));
    const seen = new Set<number>();
    const stack = [...this.parents[node]];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      if (this.confirmed[x] && this.revealSeq[x] < horizon) continue;
      this.weight[x]++;
      this.check(x, step);
      for (const p of this.parents[x]) if (!seen.has(p)) stack.push(p);
    }
  }

  private check(x: number, step: number): void {
    if (!this.confirmed[x] && this.weight[x] >= this.threshold) {
      this.confirmed[x] = true;
      this.confirmedAt[x] = step;
    }
  }
}

interface Shape {
  seed: string;
  threshold: number;
  window: number;
  depth: number;
  nodes: number;
}

/** Builds the same random tangle in both and compares them after every reveal. */
function compare({ seed, threshold, window, depth, nodes }: Shape): { confirmed: number; frozenChecked: number } {
  const rng = seedrandom(seed);
  const confirmedAt: number[] = [];
  let step = 0;
  const dag = new TangleDag(2, threshold, window, depth, (node) => (confirmedAt[node] = step));
  const plain = new PlainWalkWeights(threshold, window, depth);
  plain.add([]);
  plain.reveal(0, 0, step);
  const revealed = [0];
  const hidden: number[] = [];
  const pending: { node: number; at: number }[] = [];
  let now = 0;
  const pick = (): number => {
    const u = rng();
    if (u < 0.08) return revealed[Math.floor(rng() * revealed.length)]; // anywhere (lazy, stale tips)
    const back = Math.min(revealed.length, 1 + Math.floor(rng() * 12));
    return revealed[revealed.length - back];
  };
  const newNode = (parents: number[]): number => {
    const node = dag.add();
    parents.forEach((p, j) => dag.setParent(node, j, p));
    plain.add([...new Set(parents)]);
    dag.attach(node);
    return node;
  };
  const reveal = (node: number): void => {
    step++;
    dag.reveal(node, now);
    plain.reveal(node, now, step);
    revealed.push(node);
    // now and then, every weight as the walks would read it between reveals
    if (step % 97 === 0) for (let x = 0; x < dag.size; x++) if (dag.weightOf(x) !== plain.weight[x]) expect(dag.weightOf(x), `weight of node ${x} after reveal ${step}`).toBe(plain.weight[x]);
  };
  while (dag.size < nodes) {
    const u = rng();
    if (u < 0.02) now += rng() * 10 * window + 0.5; // a quiet spell: the zone empties
    else if (u < 0.2) now += rng() * 0.3;
    // else: the same time as the last reveal (ties, bursts)
    if (rng() < 0.01 && hidden.length === 0) {
      // a hidden chain off an old node, revealed at once later
      let last = pick();
      for (let i = 0; i < 5 + Math.floor(rng() * 20); i++) hidden.push((last = newNode(i === 0 ? [last] : [last, pick()])));
    } else if (hidden.length > 0 && rng() < 0.05) {
      for (const node of hidden.splice(0)) reveal(node);
    } else {
      pending.push({ node: newNode([pick(), pick()]), at: now + rng() * window });
    }
    while (pending.length > 0 && (pending[0].at <= now || pending.length > 40)) reveal(pending.shift()!.node);
    if (rng() < 0.002) for (const { node } of pending.splice(0)) reveal(node);
  }
  for (const { node } of pending.splice(0)) reveal(node);
  for (const node of hidden.splice(0)) reveal(node);

  let confirmed = 0, frozenChecked = 0;
  for (let x = 0; x < dag.size; x++) {
    expect(dag.weightOf(x), `weight of node ${x}`).toBe(plain.weight[x]);
    expect(dag.isConfirmed(x), `confirmation of node ${x}`).toBe(plain.confirmed[x]);
    expect(confirmedAt[x] ?? -1, `reveal that confirmed node ${x}`).toBe(plain.confirmedAt[x]);
    if (plain.confirmed[x]) confirmed++;
    if (dag.isFrozen(x)) frozenChecked++;
  }
  return { confirmed, frozenChecked };
}

describe('tangle zone bit sets', () => {
  it.each([
    { seed: 'mcmc-like', threshold: 8, window: 2, depth: 40, nodes: 4000 },
    { seed: 'deep', threshold: 20, window: 4, depth: 10, nodes: 4000 },
    { seed: 'urts-like', threshold: 5, window: 0, depth: 0, nodes: 3000 },
    { seed: 'no confirmation', threshold: 1e9, window: 1, depth: 5, nodes: 1500 },
    { seed: 'wide zone', threshold: 30, window: 50, depth: 300, nodes: 3000 },
  ])('$seed: every weight and confirmation equals the plain walk', (shape) => {
    const { confirmed, frozenChecked } = compare(shape);
    if (shape.threshold < 100) {
      expect(confirmed).toBeGreaterThan(shape.nodes / 4);
      expect(frozenChecked).toBeGreaterThan(0);
    } else {
      expect(confirmed).toBe(0);
    }
  });
});
