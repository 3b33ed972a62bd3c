// The deterministic merge of one window of a split run: market rows in (time, agent) order and
// transactions in (time, agent, EV) order, whatever the partitions were.

import type { MarketIntervalRecord } from '../../model/workload/workload.js';
import { TX, txOrder, type PartitionWindow } from './partition.js';

export interface MergedWindow {
  records: MarketIntervalRecord[];
  netLoadKw: number[];
  /** Transactions, TX.fields numbers each, in (time, agent, EV) order. */
  tx: Float64Array<ArrayBuffer>;
}

export function mergeWindow(parts: PartitionWindow[]): MergedWindow {
  const rows = parts.flatMap((part) => part.records.map((record, i) => ({ record, netLoadKw: part.netLoadKw[i] })));
  rows.sort((x, y) => x.record.t_s - y.record.t_s || x.record.agent - y.record.agent);
  return { records: rows.map((r) => r.record), netLoadKw: rows.map((r) => r.netLoadKw), tx: mergeTransactions(parts.map((p) => p.tx)) };
}

/**
 * Merges the partitions' sorted transactions into (time, agent, EV) order. Partitions never share an agent,
 * so rows of two partitions never tie, and the merge gives what a stable sort of all of them would. The
 * partitions wait in a binary heap keyed by their next row; the first one's rows are copied for as long as
 * they come before every other partition's next row (one agent's settlements at an instant come together).
 */
function mergeTransactions(lists: Float64Array<ArrayBuffer>[]): Float64Array<ArrayBuffer> {
  if (lists.length === 1) return lists[0];
  const merged = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  const next = new Array<number>(lists.length).fill(0);
  const before = (p: number, q: number) => txOrder(lists[p], next[p], lists[q], next[q]) < 0;
  const heap: number[] = [];
  for (let p = 0; p < lists.length; p++) if (lists[p].length > 0) heap.push(p);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, before);
  let at = 0;
  while (heap.length > 0) {
    const p = heap[0];
    const list = lists[p];
    const end = list.length;
    const rival = heap.length === 1 ? -1 : heap.length === 2 || before(heap[1], heap[2]) ? heap[1] : heap[2];
    let i = next[p];
    do {
      for (let f = 0; f < TX.fields; f++) merged[at + f] = list[i + f];
      at += TX.fields;
      i += TX.fields;
    } while (i < end && (rival < 0 || txOrder(list, i, lists[rival], next[rival]) < 0));
    next[p] = i;
    if (i === end) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(heap, 0, before);
  }
  return merged;
}

/** Restores the heap below `i`, where `before(p, q)` says p's next row comes first. */
function siftDown(heap: number[], i: number, before: (p: number, q: number) => boolean): void {
  const top = heap[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && before(heap[child + 1], heap[child])) child++;
    if (!before(heap[child], top)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = top;
}
