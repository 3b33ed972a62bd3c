// Block propagation: arrival times are hop counts times the hop delay (announce, request, transfer: three
// latencies plus size / bandwidth); a node accepts a block only once it has its parent; each link carries a
// block's announcement at most once; producer-to-producer links use the backbone's delay; tips are
// first-seen longest chains; where every hop takes the same time, a replayed flood is the searched one.

import { describe, expect, it, vi } from 'vitest';
import { Propagation } from '../../../src/ledger/chain/propagation.js';
import { BlockStore } from '../../../src/ledger/chain/blockStore.js';
import type { PeerGraph } from '../../../src/network/peerGraph.js';
import { LinkDelay } from '../../../src/network/relay.js';
import { networkSchema } from '../../../src/scenario/schema.js';
import { buildPeerGraph } from '../../../src/network/peerGraph.js';
import seedrandom from 'seedrandom';

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
  it('reaches node v after |v - source| hops of three latencies each, crossing each link once', () => {
    const { store, propagation } = setup(6, 2);
    const b = store.open(0, 2, 10);
    expect(propagation.flood(store, b, 2, 10, 0)).toBe(5);
    expect(propagation.tipFor(store, 2, 10)).toBe(b);
    expect(propagation.tipFor(store, 3, 15.9)).toBe(0);
    expect(propagation.tipFor(store, 3, 16)).toBe(b);
    expect(propagation.tipFor(store, 5, 27.9)).toBe(0);
    expect(propagation.tipFor(store, 5, 28)).toBe(b);
    expect(propagation.tipFor(store, 0, 22)).toBe(b);
  });

  it('adds transmission time: delay grows with block size', () => {
    const { store, propagation } = setup(3, 0.1, 8);
    const b = add(store, propagation, 0, 0, 0, 1_000_000);
    // Two hops of 3 x 0.1 s + 1 MB at 8 Mbit/s (1 s): 2.6 s.
    expect(propagation.tipFor(store, 2, 2.59)).toBe(0);
    expect(propagation.tipFor(store, 2, 2.61)).toBe(b);
  });

  it('holds a block back at a node until its parent has arrived there', () => {
    const { store, propagation } = setup(5, 1);
    const parent = add(store, propagation, 0, 0, 0);
    const child = add(store, propagation, parent, 4, 0.5);
    expect(propagation.tipFor(store, 4, 1)).toBe(child);
    expect(propagation.tipFor(store, 3, 8.9)).toBe(0);
    expect(propagation.tipFor(store, 3, 9)).toBe(child);
  });

  it('keeps the first-seen block among equal heights, and grows its ring while blocks travel', () => {
    const { store, propagation } = setup(4, 1000);
    const a = add(store, propagation, 0, 0, 0);
    const b = add(store, propagation, 0, 3, 1);
    expect(propagation.tipFor(store, 1, 3000)).toBe(a);
    expect(propagation.tipFor(store, 2, 3001)).toBe(b);
    expect(propagation.tipFor(store, 1, 15_000)).toBe(a);
    let last = b;
    for (let i = 0; i < 600; i++) last = add(store, propagation, last, 3, 2 + i);
    expect(propagation.tipFor(store, 3, 700)).toBe(last);
    expect(propagation.tipFor(store, 0, 700)).toBe(a);
    expect(propagation.tipFor(store, 0, 10_000)).toBe(last);
  });

  it('relays between producers over the backbone and reports median and producer delays', () => {
    // Path 0 - 1 - 2 - 3 - 4; nodes 0..2 are producers: links 0-1 and 1-2 are backbone links (0.1 s a
    // leg), 2-3 and 3-4 ordinary (1 s a leg). From node 0: 0, 0.3, 0.6, 3.6, 6.6 s.
    const network = networkSchema.parse({ nodes: 5, latency: 1, bandwidth: 'unlimited' });
    const backbone = new LinkDelay({ latency: { dist: 'constant', value: 0.1 }, bandwidth: 'unlimited' }, () => 0.5);
    const store = new BlockStore();
    const propagation = new Propagation(line(5), new LinkDelay(network, () => 0.5), 3, backbone);
    store.open(-1, -1, 0);
    propagation.genesis();
    const b = add(store, propagation, 0, 0, 0);
    expect(propagation.tipFor(store, 2, 0.59)).toBe(0);
    expect(propagation.tipFor(store, 2, 0.61)).toBe(b);
    expect(propagation.tipFor(store, 4, 6.59)).toBe(0);
    expect(propagation.tipFor(store, 4, 6.61)).toBe(b);
    expect(propagation.medianDelaySum).toBeCloseTo(0.6, 12);
    expect(propagation.producerDelaySum).toBeCloseTo(0.3, 12);
    expect(propagation.meanDelaySum).toBeCloseTo(11.1 / 5, 12);
    expect(propagation.fullDelaySum).toBeCloseTo(6.6, 12);
  });

  it('replays a source\'s flood where hops take the same time, with the arrivals, tips and sums a search gives', () => {
    // Two propagations over one random graph: a constant latency (traced and replayed) and a uniform one of
    // zero width (the same delays, searched every time). Blocks of changing sizes from a few sources, some
    // on a parent still travelling (its nodes wait for it: no replay), some on a parent long arrived.
    const graph = buildPeerGraph(60, 'random', 4, seedrandom('graph'));
    const bandwidth = 20;
    const traced = new Propagation(graph, new LinkDelay({ latency: { dist: 'constant', value: 0.1 }, bandwidth }, () => 0.5));
    const searched = new Propagation(graph, new LinkDelay({ latency: { dist: 'uniform', min: 0.1, max: 0.1 }, bandwidth }, seedrandom('x')));
    const searches = vi.spyOn(traced as unknown as { search(): void }, 'search');
    const stores = [new BlockStore(), new BlockStore()];
    stores.forEach((store, i) => {
      store.open(-1, -1, 0);
      (i === 0 ? traced : searched).genesis();
    });
    const rng = seedrandom('blocks');
    let now = 0, tip = 0;
    const floods = 400;
    for (let k = 0; k < floods; k++) {
      now += rng() < 0.2 ? 0.05 + rng() * 0.3 : 2 + rng() * 10;
      const source = Math.floor(rng() * 6) * 7, bytes = Math.floor(rng() * 50_000);
      const parent = rng() < 0.1 ? Math.max(0, tip - 3) : tip;
      const blocks = stores.map((store, i) => {
        const b = store.open(parent, source, now);
        const crossed = (i === 0 ? traced : searched).flood(store, b, source, now, bytes);
        return { b, crossed };
      });
      expect(blocks[0]).toEqual(blocks[1]);
      tip = blocks[0].b;
      for (let v = 0; v < graph.nodes; v += 5) {
        for (const at of [now + 0.3, now + 1, now + 3]) expect(traced.tipFor(stores[0], v, at), `block ${k}, node ${v} at ${at}`).toBe(searched.tipFor(stores[1], v, at));
      }
    }
    const sums = (p: Propagation) => [p.linksCrossed, p.meanDelaySum, p.medianDelaySum, p.fullDelaySum, p.producerDelaySum];
    expect(sums(traced)).toEqual(sums(searched));
    const rows = (p: Propagation) => Array.from((p as unknown as { arrival: Float64Array }).arrival);
    expect(rows(traced)).toEqual(rows(searched));
    // Searched once for each of the 6 sources, and again only where a node waited for the parent.
    expect(searches.mock.calls.length).toBeGreaterThan(6);
    expect(searches.mock.calls.length).toBeLessThan(floods / 3);
  });
});
