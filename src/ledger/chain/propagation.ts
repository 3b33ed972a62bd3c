// Block propagation over the peer graph, hop by hop: a node accepts a block once it holds both the block
// and its parent, then announces it on every link to a peer that does not have it yet, which fetches it;
// each hop costs a fresh LinkDelay draw (announce, request, transfer: 3 x latency + size / bandwidth), over
// the producers' backbone where both ends are producers. With no queueing on links, flooding is a shortest-path
// problem, so the arrival time at every node is computed at once (Dijkstra over the drawn link delays)
// instead of one event per node. Arrival rows of recent blocks are kept in a ring to answer
// "which is node v's first-seen longest chain tip at time t".

import type { PeerGraph } from '../../network/peerGraph.js';
import type { LinkDelay } from '../../network/relay.js';
import type { BlockStore } from './blockStore.js';
import { ensureLength } from '../../engine/typedArrays.js';

const INITIAL_RING = 256;

export class Propagation {
  private readonly nodes: number;
  private ring = INITIAL_RING;
  /** arrival[(block % ring) * nodes + v]: when node v accepted the block. */
  private arrival: Float64Array;
  /** Time the last node accepted each block, by block id. */
  private lastArrival = new Float64Array(256);
  private flooded = 0;
  /** Highest block among those evicted from the ring (all of them reached every node). */
  private settledBest = 0;
  private readonly settled: Uint8Array;
  private readonly heapTime: Float64Array;
  private readonly heapNode: Int32Array;
  private heapSize = 0;
  /** Scratch copy of one block's arrival delays, for its median. */
  private readonly delays: Float64Array;
  /** Links crossed by all blocks, and the summed mean / median / last arrival delays and mean delay to producers (for reporting). */
  linksCrossed = 0;
  meanDelaySum = 0;
  medianDelaySum = 0;
  fullDelaySum = 0;
  producerDelaySum = 0;

  /**
   * Nodes 0 .. producers-1 produce blocks; with a `backboneDelay`, links between two producers draw their delays
   * from it (the backbone), the others from `delay`.
   */
  constructor(
    private readonly graph: PeerGraph,
    private readonly delay: LinkDelay,
    private readonly producers = graph.nodes,
    private readonly backboneDelay: LinkDelay | null = null,
  ) {
    this.nodes = graph.nodes;
    this.delays = new Float64Array(this.nodes);
    this.arrival = new Float64Array(this.ring * this.nodes);
    this.settled = new Uint8Array(this.nodes);
    const capacity = graph.neighbours.length + this.nodes + 1;
    this.heapTime = new Float64Array(capacity);
    this.heapNode = new Int32Array(capacity);
  }

  /** Records the genesis block (id 0) as held by every node from time 0. */
  genesis(): void {
    this.arrival.fill(0, 0, this.nodes);
    this.flooded = 1;
  }

  /**
   * Floods block `block` (the next id), found by `source` at `now`, each hop carrying `wireBytes`.
   * Returns the number of links it crossed.
   */
  flood(store: BlockStore, block: number, source: number, now: number, wireBytes: number): number {
    this.makeRoom(store, block, now);
    const n = this.nodes, row = (block % this.ring) * n;
    const parent = store.parent[block];
    const parentRow = this.inRing(parent) ? (parent % this.ring) * n : -1;
    const arrival = this.arrival, settled = this.settled;
    const { offsets, neighbours } = this.graph;
    arrival.fill(Infinity, row, row + n);
    settled.fill(0);
    const heapTime = this.heapTime;
    this.heapSize = 0;
    arrival[row + source] = now;
    this.push(now, source);
    const backbone = this.backboneDelay ? this.producers : 0, backboneDelay = this.backboneDelay ?? this.delay;
    let crossed = 0, last = now, sum = 0;
    while (this.heapSize > 0) {
      const t = heapTime[0];
      const u = this.popNode();
      if (settled[u]) continue;
      settled[u] = 1;
      last = t;
      sum += t - now;
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = neighbours[e];
        if (settled[v]) continue;
        crossed++;
        const link = u < backbone && v < backbone ? backboneDelay : this.delay;
        let at = t + link.draw(wireBytes);
        if (parentRow >= 0 && arrival[parentRow + v] > at) at = arrival[parentRow + v];
        if (at < arrival[row + v]) {
          arrival[row + v] = at;
          this.push(at, v);
        }
      }
    }
    if (block === this.lastArrival.length) {
      this.lastArrival = ensureLength(this.lastArrival, this.lastArrival.length + 1);
    }
    this.lastArrival[block] = last;
    this.flooded = block + 1;
    this.linksCrossed += crossed;
    this.meanDelaySum += sum / n;
    this.fullDelaySum += last - now;
    this.recordDelays(row, now);
    return crossed;
  }

  /** Adds the block's median delay over all nodes and its mean delay to the producers. */
  private recordDelays(row: number, now: number): void {
    const n = this.nodes, delays = this.delays, arrival = this.arrival;
    for (let v = 0; v < n; v++) delays[v] = arrival[row + v] - now;
    const producers = this.producers;
    let producerSum = 0;
    for (let v = 0; v < producers; v++) producerSum += delays[v];
    this.producerDelaySum += producerSum / producers;
    this.medianDelaySum += n % 2 === 1 ? select(delays, n >> 1) : (select(delays, n / 2 - 1) + select(delays, n / 2)) / 2;
  }

  /** The first-seen longest chain tip of node `v` at time `now`. */
  tipFor(store: BlockStore, v: number, now: number): number {
    const n = this.nodes, ring = this.ring, arrival = this.arrival, height = store.height;
    let best = this.settledBest, bestHeight = height[best], bestSeen = -Infinity;
    for (let b = Math.max(0, this.flooded - ring); b < this.flooded; b++) {
      const seen = arrival[(b % ring) * n + v];
      if (seen > now) continue;
      const h = height[b];
      if (h > bestHeight || (h === bestHeight && seen < bestSeen)) {
        best = b;
        bestHeight = h;
        bestSeen = seen;
      }
    }
    return best;
  }

  private push(t: number, v: number): void {
    const heapTime = this.heapTime, heapNode = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heapTime[up] <= t) break;
      heapTime[i] = heapTime[up];
      heapNode[i] = heapNode[up];
      i = up;
    }
    heapTime[i] = t;
    heapNode[i] = v;
  }

  /** Removes the earliest entry and returns its node. */
  private popNode(): number {
    const heapTime = this.heapTime, heapNode = this.heapNode;
    const top = heapNode[0];
    const n = --this.heapSize;
    const lastT = heapTime[n], lastV = heapNode[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heapTime[c + 1] < heapTime[c]) c++;
      if (heapTime[c] >= lastT) break;
      heapTime[i] = heapTime[c];
      heapNode[i] = heapNode[c];
      i = c;
    }
    heapTime[i] = lastT;
    heapNode[i] = lastV;
    return top;
  }

  private inRing(block: number): boolean {
    return block >= 0 && block >= this.flooded - this.ring;
  }

  /** Evicts the block whose ring slot `block` takes, or doubles the ring if it is still travelling. */
  private makeRoom(store: BlockStore, block: number, now: number): void {
    const evicted = block - this.ring;
    if (evicted < 0) return;
    if (this.lastArrival[evicted] > now) this.growRing();
    else if (store.height[evicted] > store.height[this.settledBest]) this.settledBest = evicted;
  }

  private growRing(): void {
    const n = this.nodes, old = this.ring, next = old * 2;
    const arrival = new Float64Array(next * n);
    for (let b = Math.max(0, this.flooded - old); b < this.flooded; b++) {
      arrival.set(this.arrival.subarray((b % old) * n, (b % old + 1) * n), (b % next) * n);
    }
    this.arrival = arrival;
    this.ring = next;
  }
}

/** The k-th smallest value of `values` (0-based), partly reordering them in place (quickselect). */
function select(values: Float64Array, k: number): number {
  let lo = 0, hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const x = values[i];
        values[i++] = values[j];
        values[j--] = x;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
