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
 * so rows of two partitions never tie, and the merge gives what a stable sort of all of them would.
 */
function mergeTransactions(lists: Float64Array<ArrayBuffer>[]): Float64Array<ArrayBuffer> {
  if (lists.length === 1) return lists[0];
  const merged = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  const next = new Array<number>(lists.length).fill(0);
  for (let at = 0; at < merged.length; at += TX.fields) {
    let from = -1;
    for (let p = 0; p < lists.length; p++) {
      if (next[p] < lists[p].length && (from < 0 || txOrder(lists[p], next[p], lists[from], next[from]) < 0)) from = p;
    }
    merged.set(lists[from].subarray(next[from], next[from] + TX.fields), at);
    next[from] += TX.fields;
  }
  return merged;
}
