// Pending transactions as a binary max-heap of transaction ids keyed by fee rate (fee per byte),
// ties by id (submission order), so equal fee rates give FIFO. Removal is lazy: callers skip stale tops.
// Each entry holds its fee rate beside its id, so sifting compares neighbouring entries instead of
// reading each id's rate from an array of every transaction (a cache miss per comparison in a long run).

import { ensureLength } from '../../engine/typedArrays.js';

export class Mempool {
  private heap: Int32Array;
  /** heapRate[i]: the fee rate of heap[i]. */
  private heapRate: Float64Array;
  size = 0;
  /** 1 while the transaction has an entry in the heap, by id. */
  inHeap: Uint8Array;

  /** `capacity`: transactions the arrays hold at first (they grow past it; pages never written take no memory). */
  constructor(capacity = 1024) {
    this.heap = new Int32Array(1024);
    this.heapRate = new Float64Array(1024);
    this.inHeap = new Uint8Array(capacity);
  }

  /** Makes room for per-transaction state of ids below n. */
  reserve(n: number): void {
    this.inHeap = ensureLength(this.inHeap, n);
  }

  /** Inserts `tx`, whose fee rate is `rate`, unless it already has an entry. */
  push(tx: number, rate: number): void {
    if (this.inHeap[tx]) return;
    this.inHeap[tx] = 1;
    if (this.size === this.heap.length) {
      this.heap = ensureLength(this.heap, this.size + 1);
      this.heapRate = ensureLength(this.heapRate, this.size + 1);
    }
    const heap = this.heap, heapRate = this.heapRate;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const p = heap[up], pRate = heapRate[up];
      if (pRate > rate || (pRate === rate && p < tx)) break;
      heap[i] = p;
      heapRate[i] = pRate;
      i = up;
    }
    heap[i] = tx;
    heapRate[i] = rate;
  }

  /** Removes and returns the highest fee-rate transaction, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const heap = this.heap, heapRate = this.heapRate;
    const top = heap[0];
    this.inHeap[top] = 0;
    const n = --this.size;
    const last = heap[n], lastRate = heapRate[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n) {
        const a = heap[l], b = heap[r], aRate = heapRate[l], bRate = heapRate[r];
        if (bRate > aRate || (bRate === aRate && b < a)) c = r;
      }
      const child = heap[c], childRate = heapRate[c];
      if (lastRate > childRate || (lastRate === childRate && last < child)) break;
      heap[i] = child;
      heapRate[i] = childRate;
      i = c;
    }
    if (n > 0) {
      heap[i] = last;
      heapRate[i] = lastRate;
    }
    return top;
  }
}
