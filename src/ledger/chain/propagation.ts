// Block propagation over the peer graph, hop by hop: a node accepts a block once it holds both the block
// and its parent, then announces it on every link to a peer that does not have it yet, which fetches it;
// each hop costs a fresh LinkDelay draw (announce, request, transfer: 3 x latency + size / bandwidth), over
// the producers' backbone where both ends are producers. With no queueing on links, flooding is a shortest-path
// problem, so the arrival time at every node is computed at once (Dijkstra over the drawn link delays)
// instead of one event per node. Arrival rows of recent blocks are kept in a ring to answer
// "which is node v's first-seen longest chain tip at time t". Where every hop takes the same time (a
// constant latency, no backbone), a source's flood always takes the same course, so it is searched once
// per source and replayed after (FloodTrace).

import type { PeerGraph } from '../../network/peerGraph.js';
import type { LinkDelay } from '../../network/relay.js';
import type { BlockStore } from './blockStore.js';
import { ensureLength } from '../../engine/typedArrays.js';

const INITIAL_RING = 256;
/** Bytes of memory the flood traces may take (6 B per node and source): beyond it, further sources are searched every time. */
const TRACE_BYTES = 32 * 2 ** 20;

/**
 * How a flood from one source went when every hop took the same time and no node waited for the parent:
 * the nodes in the order they accepted the block and each one's hops from the source, and the links it
 * crossed. Every comparison such a search makes is between two nodes' hop counts, so a later flood from the
 * same source with equal hop times (of any length, from any start) and no wait for the parent makes the
 * same moves: its arrival times follow from the hops, in the same order, with the same sums.
 */
interface FloodTrace {
  order: Int32Array;
  hops: Uint16Array;
  maxHops: number;
  crossed: number;
}

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
  /** Each source's flood trace, where every hop takes the same time (null where hops differ or draw randomness). */
  private readonly traces: (FloodTrace | undefined)[] | null;
  private tracesLeft: number;
  /** Scratch: each node's hops from the source while a flood is searched; the arrival time of each hop count when one is replayed. */
  private readonly hopsOf: Uint16Array;
  private readonly hopTime: Float64Array;
  /** The last flood's links crossed, last arrival and summed arrival delays. */
  private floodCrossed = 0;
  private floodLast = 0;
  private floodSum = 0;
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
    const uniform = backboneDelay === null && delay.fixed && this.nodes <= 0xffff;
    this.traces = uniform ? [] : null;
    this.tracesLeft = uniform ? Math.floor(TRACE_BYTES / (6 * this.nodes)) : 0;
    this.hopsOf = new Uint16Array(uniform ? this.nodes : 0);
    this.hopTime = new Float64Array(uniform ? this.nodes : 0);
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
    const trace = this.traces?.[source];
    if (!(trace && this.replay(trace, row, parentRow >= 0 ? this.lastArrival[parent] : -Infinity, now, wireBytes))) {
      this.search(row, parentRow, source, now, wireBytes);
    }
    const crossed = this.floodCrossed, last = this.floodLast;
    if (block === this.lastArrival.length) {
      this.lastArrival = ensureLength(this.lastArrival, this.lastArrival.length + 1);
    }
    this.lastArrival[block] = last;
    this.flooded = block + 1;
    this.linksCrossed += crossed;
    this.meanDelaySum += this.floodSum / n;
    this.fullDelaySum += last - now;
    this.recordDelays(row, now);
    return crossed;
  }

  /**
   * Dijkstra over the drawn link delays from `source` at `now`, into arrival row `row` (a node holds a block
   * no earlier than its parent, row `parentRow`, -1 if gone from the ring). Where hops take the same time,
   * the source's first flood that reaches every node without waiting for the parent is kept as its trace.
   */
  private search(row: number, parentRow: number, source: number, now: number, wireBytes: number): void {
    const n = this.nodes, arrival = this.arrival, settled = this.settled, hopsOf = this.hopsOf;
    const { offsets, neighbours } = this.graph;
    arrival.fill(Infinity, row, row + n);
    settled.fill(0);
    const heapTime = this.heapTime;
    this.heapSize = 0;
    arrival[row + source] = now;
    this.push(now, source);
    const tracing = this.traces !== null && this.tracesLeft > 0 && this.traces[source] === undefined;
    const order = tracing ? new Int32Array(n) : null;
    const hops = tracing ? new Uint16Array(n) : null;
    if (tracing) hopsOf[source] = 0;
    const backbone = this.backboneDelay ? this.producers : 0, backboneDelay = this.backboneDelay ?? this.delay;
    let crossed = 0, last = now, sum = 0, reached = 0, waited = false;
    while (this.heapSize > 0) {
      const t = heapTime[0];
      const u = this.popNode();
      if (settled[u]) continue;
      settled[u] = 1;
      if (order && hops) {
        order[reached] = u;
        hops[reached] = hopsOf[u];
      }
      reached++;
      last = t;
      sum += t - now;
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = neighbours[e];
        if (settled[v]) continue;
        crossed++;
        const link = u < backbone && v < backbone ? backboneDelay : this.delay;
        let at = t + link.draw(wireBytes);
        if (parentRow >= 0 && arrival[parentRow + v] > at) {
          at = arrival[parentRow + v];
          waited = true;
        }
        if (at < arrival[row + v]) {
          arrival[row + v] = at;
          if (tracing) hopsOf[v] = hopsOf[u] + 1;
          this.push(at, v);
        }
      }
    }
    this.floodCrossed = crossed;
    this.floodLast = last;
    this.floodSum = sum;
    if (order && hops && reached === n && !waited) {
      let maxHops = 0;
      for (let j = 0; j < n; j++) if (hops[j] > maxHops) maxHops = hops[j];
      this.keepTrace(source, { order, hops, maxHops, crossed }, row, now, wireBytes);
    }
  }

  /** Keeps `trace` as its source's if the flood it recorded (arrival row `row`) is what a replay would give. */
  private keepTrace(source: number, trace: FloodTrace, row: number, now: number, wireBytes: number): void {
    if (!this.hopTimes(trace.maxHops, now, wireBytes)) return;
    const { order, hops } = trace, arrival = this.arrival, hopTime = this.hopTime;
    for (let j = 0; j < order.length; j++) if (arrival[row + order[j]] !== hopTime[hops[j]]) return;
    this.traces![source] = trace;
    this.tracesLeft--;
  }

  /**
   * Replays `trace` into arrival row `row` when no node would wait for the parent (it reached its last node
   * at `parentDone`, -Infinity if gone from the ring, by the time the first hop lands); false if it would.
   */
  private replay(trace: FloodTrace, row: number, parentDone: number, now: number, wireBytes: number): boolean {
    if (!this.hopTimes(trace.maxHops, now, wireBytes) || parentDone > this.hopTime[Math.min(1, trace.maxHops)]) return false;
    const { order, hops } = trace, arrival = this.arrival, hopTime = this.hopTime;
    let last = now, sum = 0;
    for (let j = 0; j < order.length; j++) {
      const t = hopTime[hops[j]];
      arrival[row + order[j]] = t;
      last = t;
      sum += t - now;
    }
    this.floodCrossed = trace.crossed;
    this.floodLast = last;
    this.floodSum = sum;
    return true;
  }

  /** hopTime[k]: when a block found at `now` reaches k hops, added hop by hop as the search adds them; false unless they increase. */
  private hopTimes(maxHops: number, now: number, wireBytes: number): boolean {
    const hopTime = this.hopTime, hop = this.delay.draw(wireBytes);
    hopTime[0] = now;
    for (let k = 1; k <= maxHops; k++) {
      hopTime[k] = hopTime[k - 1] + hop;
      if (!(hopTime[k] > hopTime[k - 1])) return false;
    }
    return true;
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
