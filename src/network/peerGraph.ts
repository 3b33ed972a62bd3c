// The peer network that ledger nodes gossip over, as a compressed adjacency list (CSR) in typed
// arrays: `random` links each node to `degree` distinct peers (links are bidirectional), `full` links all.

import type { Rng } from '../engine/rng.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { NetworkConfig } from '../scenario/schema.js';

export interface PeerGraph {
  nodes: number;
  /** Neighbours of node v are neighbours[offsets[v] .. offsets[v+1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function buildPeerGraph(nodes: number, topology: NetworkConfig['topology'], degree: number, rng: Rng): PeerGraph {
  const adjacency: Set<number>[] = Array.from({ length: nodes }, () => new Set<number>());
  if (topology === 'full') {
    for (let a = 0; a < nodes; a++) for (let b = 0; b < nodes; b++) if (a !== b) adjacency[a].add(b);
  } else {
    const d = Math.min(degree, nodes - 1);
    for (let a = 0; a < nodes; a++) {
      let guard = 0;
      while (adjacency[a].size < d && guard++ < 50 * d) {
        const b = Math.floor(rng() * nodes);
        if (b !== a) {
          adjacency[a].add(b);
          adjacency[b].add(a);
        }
      }
    }
    connectComponents(adjacency);
  }
  const offsets = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) offsets[v + 1] = offsets[v] + adjacency[v].size;
  const neighbours = new Int32Array(offsets[nodes]);
  for (let v = 0; v < nodes; v++) neighbours.set([...adjacency[v]].sort((x, y) => x - y), offsets[v]);
  return { nodes, offsets, neighbours };
}

/** Links each component to the next one so that every message can reach every node. */
function connectComponents(adjacency: Set<number>[]): void {
  const component = new Int32Array(adjacency.length).fill(-1);
  const roots: number[] = [];
  for (let start = 0; start < adjacency.length; start++) {
    if (component[start] >= 0) continue;
    roots.push(start);
    const stack = [start];
    component[start] = roots.length - 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of adjacency[v]) if (component[w] < 0) (component[w] = roots.length - 1), stack.push(w);
    }
  }
  for (let i = 1; i < roots.length; i++) {
    adjacency[roots[i - 1]].add(roots[i]);
    adjacency[roots[i]].add(roots[i - 1]);
  }
}

/** Draws one-hop delays: latency (a distribution) plus size / bandwidth. */
export class LinkDelay {
  private readonly latency: Sampler;
  private readonly secondsPerByte: number;

  constructor(network: NetworkConfig, rng: Rng) {
    this.latency = sampler(network.latency, rng);
    this.secondsPerByte = network.bandwidth === 'unlimited' ? 0 : 8 / (network.bandwidth * 1e6);
  }

  /** Delay of one hop carrying `bytes`. */
  draw(bytes: number): number {
    return this.latency() + bytes * this.secondsPerByte;
  }

  /** Transmission time alone (no latency) of `bytes`. */
  transmission(bytes: number): number {
    return bytes * this.secondsPerByte;
  }
}
