// The peer graph: a random topology gives every node at least `degree` distinct peers, symmetric links and
// one connected component, the same graph for the same seed; the full topology links every pair.

import { describe, expect, it } from 'vitest';
import { buildPeerGraph, type PeerGraph } from '../../src/network/peerGraph.js';
import { RngStreams } from '../../src/engine/rng.js';

function neighboursOf(graph: PeerGraph, v: number): number[] {
  return Array.from(graph.neighbours.subarray(graph.offsets[v], graph.offsets[v + 1]));
}

/** Nodes reached from node 0 by a breadth-first search. */
function reachedFromFirst(graph: PeerGraph): number {
  const seen = new Uint8Array(graph.nodes);
  const queue = [0];
  seen[0] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const w of neighboursOf(graph, queue[head])) if (!seen[w]) (seen[w] = 1), queue.push(w);
  }
  return queue.length;
}

const random = (nodes: number, degree: number, seed: number) => buildPeerGraph(nodes, 'random', degree, new RngStreams(seed).stream('network'));

describe('buildPeerGraph', () => {
  it.each([[200, 8], [50, 3], [30, 1], [5, 10]])('random, %i nodes, degree %i: every node has at least the degree, no self or repeated link, links both ways', (nodes, degree) => {
    const graph = random(nodes, degree, 7);
    expect(graph.nodes).toBe(nodes);
    for (let v = 0; v < nodes; v++) {
      const peers = neighboursOf(graph, v);
      expect(peers.length, `node ${v}`).toBeGreaterThanOrEqual(Math.min(degree, nodes - 1));
      expect(new Set(peers).size).toBe(peers.length);
      expect(peers).not.toContain(v);
      for (const w of peers) expect(neighboursOf(graph, w), `link ${v}-${w}`).toContain(v);
    }
  });

  it.each([1, 2, 3, 4, 5])('random with degree 1 is still connected (seed %i)', (seed) => {
    const graph = random(60, 1, seed);
    expect(reachedFromFirst(graph)).toBe(60);
  });

  it('is connected at the default degree', () => {
    expect(reachedFromFirst(random(500, 8, 3))).toBe(500);
  });

  it('is the same graph for the same seed and another for another seed', () => {
    const a = random(100, 4, 11), b = random(100, 4, 11), c = random(100, 4, 12);
    expect(b.offsets).toEqual(a.offsets);
    expect(b.neighbours).toEqual(a.neighbours);
    expect(Array.from(c.neighbours)).not.toEqual(Array.from(a.neighbours));
  });

  it('full links every node to every other node', () => {
    const graph = buildPeerGraph(12, 'full', 2, new RngStreams(1).stream('network'));
    for (let v = 0; v < 12; v++) expect(neighboursOf(graph, v)).toEqual([...Array(12).keys()].filter((w) => w !== v));
    expect(graph.neighbours.length).toBe(12 * 11);
  });
});
