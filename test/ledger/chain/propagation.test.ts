// Block propagation: arrival times are hop counts times the link delay; a node accepts a block only once
// it has its parent; each link carries a block at most once; tips are first-seen longest chains.

import { describe, expect, it } from 'vitest';
import { Propagation } from '../../../src/ledger/chain/propagation.js';
import { BlockStore } from '../../../src/ledger/chain/blockStore.js';
import { LinkDelay, type PeerGraph } from '../../../src/network/peerGraph.js';
import { networkSchema } from '../../../src/scenario/schema.js';

/** A path 0 - 1 - 2 - ... - (n-1). */
function line(n: number): PeerGraph {
  const offsets = new Int32Array(n + 1), neighbours: number[] = [];
  for (let v = 0; v < n; v++) {
    if (v > 0) neighbours.push(v - 1);
    if (v < n - 1) neighbours.push(v + 1);
    offsets[v + 1] = neighbours.length;
  }
  return { nodes: n, offsets, neighbours: Int32Array.from(neighbours) };
}

function setup(n: number, latency: number, bandwidth: number | 'unlimited' = 'unlimited') {
  const network = networkSchema.parse({ nodes: n, latency, bandwidth });
  const store = new BlockStore();
  const propagation = new Propagation(line(n), new LinkDelay(network, () => 0.5));
  store.open(-1, -1, 0);
  propagation.genesis();
  return { store, propagation };
}

function add(store: BlockStore, propagation: Propagation, parent: number, source: number, now: number, bytes = 0): number {
  const b = store.open(parent, source, now);
  return propagation.flood(store, b, source, now, bytes) >= 0 ? b : -1;
}

describe('Propagation', () => {
  it('reaches node v after |v - source| hops, crossing each link once', () => {
    const { store, propagation } = setup(6, 2);
    const b = store.open(0, 2, 10);
    expect(propagation.flood(store, b, 2, 10, 0)).toBe(5);
    expect(propagation.tipFor(store, 2, 10)).toBe(b);
    expect(propagation.tipFor(store, 3, 11.9)).toBe(0);
    expect(propagation.tipFor(store, 3, 12)).toBe(b);
    expect(propagation.tipFor(store, 5, 15.9)).toBe(0);
    expect(propagation.tipFor(store, 5, 16)).toBe(b);
    expect(propagation.tipFor(store, 0, 14)).toBe(b);
  });

  it('adds transmission time: delay grows with block size', () => {
    const { store, propagation } = setup(3, 0.1, 8);
    const b = add(store, propagation, 0, 0, 0, 1_000_000);
    expect(propagation.tipFor(store, 2, 2.19)).toBe(0);
    expect(propagation.tipFor(store, 2, 2.21)).toBe(b);
  });

  it('holds a block back at a node until its parent has arrived there', () => {
    const { store, propagation } = setup(5, 1);
    const parent = add(store, propagation, 0, 0, 0);
    const child = add(store, propagation, parent, 4, 0.5);
    expect(propagation.tipFor(store, 4, 3.9)).toBe(child);
    expect(propagation.tipFor(store, 3, 2.9)).toBe(0);
    expect(propagation.tipFor(store, 3, 3)).toBe(child);
  });

  it('keeps the first-seen block among equal heights, and grows its ring while blocks travel', () => {
    const { store, propagation } = setup(4, 1000);
    const a = add(store, propagation, 0, 0, 0);
    const b = add(store, propagation, 0, 3, 1);
    expect(propagation.tipFor(store, 1, 1000)).toBe(a);
    expect(propagation.tipFor(store, 2, 1001)).toBe(b);
    expect(propagation.tipFor(store, 1, 5000)).toBe(a);
    let last = b;
    for (let i = 0; i < 600; i++) last = add(store, propagation, last, 3, 2 + i);
    expect(propagation.tipFor(store, 3, 700)).toBe(last);
    expect(propagation.tipFor(store, 0, 700)).toBe(a);
    expect(propagation.tipFor(store, 0, 10_000)).toBe(last);
  });
});
