// The future event list: a binary min-heap on flat typed arrays, ordered by (time, insertion
// sequence) so that simultaneous events always fire in the order they were scheduled. With a bucket
// width, events beyond the current bucket of time wait unsorted in their own bucket and join the heap
// when it runs dry, so the heap holds only the near future (small, cache-resident) however many
// events are pending far ahead; the order of events is the same either way. A sorted run of events
// (pushSorted) holds one heap entry at a time, its next event, in the order its events would have had.

import { ensureLength } from './typedArrays.js';

/** Handle of a scheduled event: slot index plus a generation, so a stale handle never cancels a reused slot. */
export type EventId = number;

const SLOT_BITS = 2 ** 26;

export class EventQueue {
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;
  private size = 0;
  private nextSeq = 0;

  private slotKind: Int32Array;
  private slotPayload: Int32Array;
  private slotGeneration: Uint32Array;
  private slotLive: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;

  /** Kind and payload of the event last returned by pop(). */
  kind = 0;
  payload = 0;
  time = 0;

  /** Seconds of one far bucket (0: no buckets, every event in the heap), and the bucket the heap holds. */
  private readonly bucketWidth: number;
  private currentBucket = 0;
  /** Far buckets by index, and a min-heap of their indices. */
  private readonly buckets = new Map<number, FarBucket>();
  private readonly bucketOrder: number[] = [];
  /** Sorted runs by index (a run's slot holds kind -1 - index), and the indices free for reuse. */
  private readonly runs: (SortedRun | null)[] = [];
  private readonly freeRuns: number[] = [];

  constructor(capacity = 1024, bucketWidth = 0) {
    if (!(bucketWidth >= 0 && Number.isFinite(bucketWidth))) throw new RangeError(`bucket width must be a finite number >= 0, got ${bucketWidth}`);
    this.bucketWidth = bucketWidth;
    this.heapTime = new Float64Array(capacity);
    this.heapSeq = new Float64Array(capacity);
    this.heapSlot = new Int32Array(capacity);
    this.slotKind = new Int32Array(capacity);
    this.slotPayload = new Int32Array(capacity);
    this.slotGeneration = new Uint32Array(capacity);
    this.slotLive = new Uint8Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Number of pending (possibly cancelled, not yet popped) entries. */
  get length(): number {
    let far = 0;
    for (const bucket of this.buckets.values()) far += bucket.count;
    // Each run's next event is in the heap or a far bucket; the rest wait in the run.
    for (const run of this.runs) if (run) far += (run.end - run.next) / run.stride - 1;
    return this.size + far;
  }

  push(time: number, kind: number, payload: number): EventId {
    const slot = this.allocateSlot();
    this.slotKind[slot] = kind;
    this.slotPayload[slot] = payload;
    this.slotLive[slot] = 1;
    this.place(time, this.nextSeq++, slot);
    return this.slotGeneration[slot] * SLOT_BITS + slot;
  }

  /**
   * Pushes `count` events of `kind` at the times `times[first + i stride]` (non-decreasing), with payloads
   * `first + i stride`: the same order as `count` calls of push(), but the run keeps one entry in the heap, its
   * next event (a heap of a few entries instead of one per event). Its events cannot be cancelled; the caller
   * must not change `times` until they have fired.
   */
  pushSorted(times: Float64Array, first: number, stride: number, count: number, kind: number): void {
    if (count <= 0) return;
    const index = this.freeRuns.length > 0 ? this.freeRuns.pop()! : this.runs.push(null) - 1;
    const run: SortedRun = { times, next: first, end: first + count * stride, stride, seq: this.nextSeq, kind };
    this.runs[index] = run;
    this.nextSeq += count;
    const slot = this.allocateSlot();
    this.slotKind[slot] = -1 - index;
    this.slotLive[slot] = 1;
    this.place(times[first], run.seq, slot);
  }

  /** Puts an entry into the heap, or into its far bucket when that comes after the heap's. */
  private place(time: number, seq: number, slot: number): void {
    const bucket = this.bucketOf(time);
    if (bucket <= this.currentBucket) this.heapPush(time, seq, slot);
    else this.farBucket(bucket).add(time, seq, slot);
  }

  /** floor(time / width) never decreases with time, so every event of a later bucket comes after every heap event. */
  private bucketOf(time: number): number {
    return this.bucketWidth > 0 ? Math.floor(time / this.bucketWidth) : 0;
  }

  private heapPush(time: number, seq: number, slot: number): void {
    if (this.size === this.heapTime.length) this.growHeap();
    this.siftUp(this.size++, time, seq, slot);
  }

  private farBucket(index: number): FarBucket {
    let bucket = this.buckets.get(index);
    if (!bucket) {
      bucket = new FarBucket();
      this.buckets.set(index, bucket);
      pushKey(this.bucketOrder, index);
    }
    return bucket;
  }

  /** With the heap empty, moves the earliest far bucket into it; returns false when there is none. */
  private refill(): boolean {
    if (this.bucketOrder.length === 0) return false;
    const index = popKey(this.bucketOrder);
    const bucket = this.buckets.get(index)!;
    this.buckets.delete(index);
    this.currentBucket = index;
    for (let i = 0; i < bucket.count; i++) this.heapPush(bucket.time[i], bucket.seq[i], bucket.slot[i]);
    return true;
  }

  /** Cancels a pending event; returns false if it already fired or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    const generation = (id - slot) / SLOT_BITS;
    if (slot >= this.slotsUsed || this.slotGeneration[slot] !== generation || !this.slotLive[slot]) return false;
    this.slotLive[slot] = 0;
    return true;
  }

  /** Time of the earliest live event, or Infinity. */
  peekTime(): number {
    this.dropCancelledHead();
    return this.size > 0 ? this.heapTime[0] : Infinity;
  }

  /** Removes the earliest live event into (time, kind, payload); returns false when empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Like pop(), but only an event at or before `until`; returns false (removing nothing live) otherwise. */
  popUntil(until: number): boolean {
    this.dropCancelledHead();
    if (this.size === 0 || this.heapTime[0] > until) return false;
    const slot = this.heapSlot[0];
    this.time = this.heapTime[0];
    const kind = this.slotKind[slot];
    if (kind < 0) {
      this.popRun(slot, -1 - kind);
      return true;
    }
    this.kind = kind;
    this.payload = this.slotPayload[slot];
    this.removeHead();
    this.releaseSlot(slot);
    return true;
  }

  /** Pops the head, the next event of sorted run `index`, and puts the run's following event in its place. */
  private popRun(slot: number, index: number): void {
    const run = this.runs[index]!;
    this.kind = run.kind;
    this.payload = run.next;
    run.next += run.stride;
    run.seq++;
    if (run.next < run.end) {
      const time = run.times[run.next];
      // The following event comes after the one popped: in the heap it can take the head's place and sink.
      if (this.bucketOf(time) <= this.currentBucket) this.siftDown(0, time, run.seq, slot);
      else {
        this.removeHead();
        this.place(time, run.seq, slot);
      }
      return;
    }
    this.removeHead();
    this.releaseSlot(slot);
    this.runs[index] = null;
    this.freeRuns.push(index);
  }

  /** Drops cancelled events off the heap's head, refilling the heap from the far buckets when it runs dry. */
  private dropCancelledHead(): void {
    for (;;) {
      while (this.size > 0 && !this.slotLive[this.heapSlot[0]]) {
        const slot = this.heapSlot[0];
        this.removeHead();
        this.releaseSlot(slot);
      }
      if (this.size > 0 || !this.refill()) return;
    }
  }

  private removeHead(): void {
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.heapTime[last], this.heapSeq[last], this.heapSlot[last]);
  }

  private siftUp(index: number, time: number, seq: number, slot: number): void {
    const times = this.heapTime, seqs = this.heapSeq, slots = this.heapSlot;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private siftDown(index: number, time: number, seq: number, slot: number): void {
    const times = this.heapTime, seqs = this.heapSeq, slots = this.heapSlot;
    const n = this.size;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) {
        child = right;
      }
      const ct = times[child];
      if (time < ct || (time === ct && seq < seqs[child])) break;
      times[i] = ct;
      seqs[i] = seqs[child];
      slots[i] = slots[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount];
    if (this.slotsUsed === this.slotKind.length) this.growSlots();
    if (this.slotsUsed >= SLOT_BITS) throw new Error(`more than ${SLOT_BITS} pending events`);
    return this.slotsUsed++;
  }

  private releaseSlot(slot: number): void {
    this.slotLive[slot] = 0;
    this.slotGeneration[slot]++;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    const n = this.heapTime.length * 2;
    this.heapTime = ensureLength(this.heapTime, n);
    this.heapSeq = ensureLength(this.heapSeq, n);
    this.heapSlot = ensureLength(this.heapSlot, n);
  }

  private growSlots(): void {
    const n = this.slotKind.length * 2;
    this.slotKind = ensureLength(this.slotKind, n);
    this.slotPayload = ensureLength(this.slotPayload, n);
    this.slotGeneration = ensureLength(this.slotGeneration, n);
    this.slotLive = ensureLength(this.slotLive, n);
    this.freeSlots = ensureLength(this.freeSlots, n);
  }
}

/** The events of one pushSorted call not yet popped: the next at `times[next]`, with sequence number `seq`. */
interface SortedRun {
  readonly times: Float64Array;
  next: number;
  readonly end: number;
  readonly stride: number;
  seq: number;
  readonly kind: number;
}

/** One far bucket's events, unsorted, in the order pushed. */
class FarBucket {
  time = new Float64Array(64);
  seq = new Float64Array(64);
  slot = new Int32Array(64);
  count = 0;

  add(time: number, seq: number, slot: number): void {
    if (this.count === this.time.length) {
      const n = this.count * 2;
      this.time = ensureLength(this.time, n);
      this.seq = ensureLength(this.seq, n);
      this.slot = ensureLength(this.slot, n);
    }
    this.time[this.count] = time;
    this.seq[this.count] = seq;
    this.slot[this.count++] = slot;
  }
}

/** Min-heap of bucket indices on a plain array. */
function pushKey(heap: number[], key: number): void {
  let i = heap.push(key) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= key) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = key;
}

function popKey(heap: number[]): number {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
      if (last <= heap[child]) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }
  return top;
}
