// The peer graph: a backbone adds links among the producers only, on top of the same ordinary graph, and
// gives each producer at least `degree` producer peers.

import { describe, expect, it } from 'vitest';
import { buildPeerGraph, linkCount, type PeerGraph } from '../../src/network/peerGraph.js';
import { RngStreams } from '../../src/engine/rng.js';

function links(graph: PeerGraph): Set<string> {
  const set = new Set<string>();
  for (let v = 0; v < graph.nodes; v++) {
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) if (v < graph.neighbours[e]) set.add(`${v}-${graph.neighbours[e]}`);
  }
  return set;
}

describe('buildPeerGraph', () => {
  const plain = buildPeerGraph(200, 'random', 4, new RngStreams(3).stream('peers'));
  const withBackbone = buildPeerGraph(200, 'random', 4, new RngStreams(3).stream('peers'), { producers: 12, degree: 6 });

  it('keeps the ordinary links and adds producer-to-producer links only', () => {
    const before = links(plain), after = links(withBackbone);
    for (const l of before) expect(after.has(l)).toBe(true);
    const added = [...after].filter((l) => !before.has(l));
    expect(added.length).toBeGreaterThan(0);
    for (const l of added) for (const v of l.split('-').map(Number)) expect(v).toBeLessThan(12);
    expect(linkCount(withBackbone)).toBe(after.size);
  });

  it('links every producer to at least `degree` other producers', () => {
    for (let v = 0; v < 12; v++) {
      let producerPeers = 0;
      for (let e = withBackbone.offsets[v]; e < withBackbone.offsets[v + 1]; e++) if (withBackbone.neighbours[e] < 12) producerPeers++;
      expect(producerPeers).toBeGreaterThanOrEqual(6);
    }
  });
});
