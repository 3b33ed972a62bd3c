// The peer network that ledger nodes gossip over, as a compressed adjacency list (CSR) in typed
// arrays: `random` links each node to `degree` distinct peers (links are bidirectional), `full` links all;
// block producers may add a backbone of links among themselves (relay-network-like).

import type { Rng } from '../engine/rng.js';
import type { NetworkConfig } from '../scenario/schema.js';

export interface PeerGraph {
  nodes: number;
  /** Neighbours of node v are neighbours[offsets[v] .. offsets[v+1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Producers 0 .. producers-1 link among themselves with `degree` backbone links each. */
export interface BackboneLinks {
  producers: number;
  degree: number;
}

export function buildPeerGraph(nodes: number, topology: NetworkConfig['topology'], degree: number, rng: Rng, backbone?: BackboneLinks): PeerGraph {
  const adjacency: Set<number>[] = Array.from({ length: nodes }, () => new Set<number>());
  if (topology === 'full') {
    for (let a = 0; a < nodes; a++) for (let b = 0; b < nodes; b++) if (a !== b) adjacency[a].add(b);
  } else {
    addRandomLinks(adjacency, nodes, degree, rng);
    if (backbone && backbone.degree > 0 && backbone.producers > 1) {
      addRandomLinks(adjacency, backbone.producers, backbone.degree, rng);
      connectComponents(adjacency, backbone.producers);
    }
    connectComponents(adjacency, nodes);
  }
  const offsets = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) offsets[v + 1] = offsets[v] + adjacency[v].size;
  const neighbours = new Int32Array(offsets[nodes]);
  for (let v = 0; v < nodes; v++) neighbours.set([...adjacency[v]].sort((x, y) => x - y), offsets[v]);
  return { nodes, offsets, neighbours };
}

/** Undirected links of the graph. */
export function linkCount(graph: PeerGraph): number {
  return graph.neighbours.length / 2;
}

/** Links each of nodes 0 .. count-1 to random peers among them until it has `degree` peers there (or all of them). */
function addRandomLinks(adjacency: Set<number>[], count: number, degree: number, rng: Rng): void {
  const d = Math.min(degree, count - 1);
  for (let a = 0; a < count; a++) {
    let linked = 0;
    for (const b of adjacency[a]) if (b < count) linked++;
    let guard = 0;
    while (linked < d && guard++ < 50 * d) {
      const b = Math.floor(rng() * count);
      if (b !== a && !adjacency[a].has(b)) {
        adjacency[a].add(b);
        adjacency[b].add(a);
        linked++;
      }
    }
  }
}

/** Links each component among nodes 0 .. count-1 to the next one so that every message can reach every node. */
function connectComponents(adjacency: Set<number>[], count: number): void {
  const component = new Int32Array(count).fill(-1);
  const roots: number[] = [];
  for (let start = 0; start < count; start++) {
    if (component[start] >= 0) continue;
    roots.push(start);
    const stack = [start];
    component[start] = roots.length - 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of adjacency[v]) if (w < count && component[w] < 0) (component[w] = roots.length - 1), stack.push(w);
    }
  }
  for (let i = 1; i < roots.length; i++) {
    adjacency[roots[i - 1]].add(roots[i]);
    adjacency[roots[i]].add(roots[i - 1]);
  }
}
