// Pending transactions, highest fee rate (fee per byte) first, ties by id (submission order), so equal fee
// rates give FIFO. Removal is lazy: callers skip stale tops. Transactions arriving in id order at one fee
// rate (every transaction, where fees are flat per byte) wait in a queue, taken in O(1); the others (a
// different rate, or an earlier id coming back) in a binary max-heap whose entries keep their fee rate
// beside their id, so sifting compares neighbouring entries instead of reading a rate per transaction id
// (a cache miss per comparison in a long run). A pop takes the better of the queue's head and the heap's top.

import { ensureLength } from '../../engine/typedArrays.js';

export class Mempool {
  private heap: Int32Array;
  /** heapRate[i]: the fee rate of heap[i]. */
  private heapRate: Float64Array;
  private heapSize = 0;
  /** The queue: ids in increasing order at rate `queueRate`, from queue[queueHead] up to queue[queueEnd - 1]. */
  private queue: Int32Array;
  private queueHead = 0;
  private queueEnd = 0;
  private queueRate = 0;
  /** 1 while the transaction has an entry (in the queue or the heap), by id. */
  inHeap: Uint8Array;

  /** `capacity`: transactions the arrays hold at first (they grow past it; pages never written take no memory). */
  constructor(capacity = 1024) {
    this.heap = new Int32Array(1024);
    this.heapRate = new Float64Array(1024);
    this.queue = new Int32Array(1024);
    this.inHeap = new Uint8Array(capacity);
  }

  /** Entries held. */
  get size(): number {
    return this.heapSize + this.queueEnd - this.queueHead;
  }

  /** Makes room for per-transaction state of ids below n. */
  reserve(n: number): void {
    this.inHeap = ensureLength(this.inHeap, n);
  }

  /** Inserts `tx`, whose fee rate is `rate`, unless it already has an entry. */
  push(tx: number, rate: number): void {
    if (this.inHeap[tx]) return;
    this.inHeap[tx] = 1;
    const queued = this.queueEnd - this.queueHead;
    if (queued === 0 || (rate === this.queueRate && tx > this.queue[this.queueEnd - 1])) this.enqueue(tx, rate, queued);
    else this.heapPush(tx, rate);
  }

  /** Removes and returns the highest fee-rate transaction (the lowest id among equals), or -1 when empty. */
  pop(): number {
    const queued = this.queueHead < this.queueEnd;
    if (this.heapSize === 0 && !queued) return -1;
    let fromQueue = queued;
    if (queued && this.heapSize > 0) {
      const rate = this.heapRate[0];
      fromQueue = this.queueRate > rate || (this.queueRate === rate && this.queue[this.queueHead] < this.heap[0]);
    }
    const tx = fromQueue ? this.queue[this.queueHead++] : this.heapPop();
    this.inHeap[tx] = 0;
    return tx;
  }

  private enqueue(tx: number, rate: number, queued: number): void {
    if (queued === 0) {
      this.queueHead = this.queueEnd = 0;
      this.queueRate = rate;
    } else if (this.queueEnd === this.queue.length) {
      // Move the waiting ids to the front, or grow when they fill half the queue.
      if (this.queueHead >= this.queue.length / 2) this.queue.copyWithin(0, this.queueHead, this.queueEnd);
      else this.queue = ensureLength(this.queue.subarray(this.queueHead, this.queueEnd).slice(), this.queue.length + 1);
      this.queueHead = 0;
      this.queueEnd = queued;
    }
    this.queue[this.queueEnd++] = tx;
  }

  private heapPush(tx: number, rate: number): void {
    if (this.heapSize === this.heap.length) {
      this.heap = ensureLength(this.heap, this.heapSize + 1);
      this.heapRate = ensureLength(this.heapRate, this.heapSize + 1);
    }
    const heap = this.heap, heapRate = this.heapRate;
    let i = this.heapSize++;
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

  private heapPop(): number {
    const heap = this.heap, heapRate = this.heapRate;
    const top = heap[0];
    const n = --this.heapSize;
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
