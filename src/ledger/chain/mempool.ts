// Pending transactions as a binary max-heap of transaction ids keyed by fee rate (fee per byte),
// ties by id (submission order), so equal fee rates give FIFO. Removal is lazy: callers skip stale tops.

import { ensureLength } from '../../engine/typedArrays.js';

export class Mempool {
  private heap: Int32Array;
  size = 0;
  /** Fee per byte of each transaction, by id. */
  feeRate: Float64Array;
  /** 1 while the transaction has an entry in the heap. */
  inHeap: Uint8Array;

  /** `capacity`: transactions the arrays hold at first (they grow past it; pages never written take no memory). */
  constructor(capacity = 1024) {
    this.heap = new Int32Array(capacity);
    this.feeRate = new Float64Array(capacity);
    this.inHeap = new Uint8Array(capacity);
  }

  /** Makes room for per-transaction state of ids below n. */
  reserve(n: number): void {
    this.feeRate = ensureLength(this.feeRate, n);
    this.inHeap = ensureLength(this.inHeap, n);
  }

  /** Inserts `tx` unless it already has an entry. */
  push(tx: number): void {
    if (this.inHeap[tx]) return;
    this.inHeap[tx] = 1;
    if (this.size === this.heap.length) this.heap = ensureLength(this.heap, this.size + 1);
    const heap = this.heap, rate = this.feeRate;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const p = heap[up];
      if (rate[p] > rate[tx] || (rate[p] === rate[tx] && p < tx)) break;
      heap[i] = p;
      i = up;
    }
    heap[i] = tx;
  }

  /** Removes and returns the highest fee-rate transaction, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const heap = this.heap, rate = this.feeRate;
    const top = heap[0];
    this.inHeap[top] = 0;
    const last = heap[--this.size];
    const n = this.size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n) {
        const a = heap[l], b = heap[r];
        if (rate[b] > rate[a] || (rate[b] === rate[a] && b < a)) c = r;
      }
      const child = heap[c];
      if (rate[last] > rate[child] || (rate[last] === rate[child] && last < child)) break;
      heap[i] = child;
      i = c;
    }
    if (n > 0) heap[i] = last;
    return top;
  }
}
