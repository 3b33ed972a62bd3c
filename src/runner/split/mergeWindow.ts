// The deterministic merge of one window of a split run: market rows in (time, agent) order,
// transactions in (time, agent, EV) order and evs.csv rows in EV order, whatever the partitions were.

import type { MarketIntervalRecord } from '../../model/workload/workload.js';
import { mergeEvLines, type EvLines } from './evLines.js';
import { TX, type PartitionWindow } from './partition.js';

export interface MergedWindow {
  records: MarketIntervalRecord[];
  netLoadKw: number[];
  /** Transactions, TX.fields numbers each, in (time, agent, EV) order. */
  tx: Float64Array<ArrayBuffer>;
  /** The last window: every EV's evs.csv row, formatted, in EV order; otherwise null. */
  evs: EvLines | null;
}

export function mergeWindow(parts: PartitionWindow[]): MergedWindow {
  const rows = parts.flatMap((part) => part.records.map((record, i) => ({ record, netLoadKw: part.netLoadKw[i] })));
  rows.sort((x, y) => x.record.t_s - y.record.t_s || x.record.agent - y.record.agent);
  return { records: rows.map((r) => r.record), netLoadKw: rows.map((r) => r.netLoadKw), tx: mergeTransactions(parts.map((p) => p.tx)), evs: mergeEvs(parts) };
}

/** Every partition's evs.csv rows in EV order, or null while the partitions hold them back (before the last window). */
function mergeEvs(parts: PartitionWindow[]): EvLines | null {
  if (parts.some((part) => part.evs === null)) return null;
  return mergeEvLines(parts.map((part) => part.evs!));
}

/**
 * Concatenates the partitions' transactions and sorts them by (time, agent, EV). The sort is stable, and
 * ties (one EV settling twice at one instant) come from one partition, so they keep its event order.
 */
function mergeTransactions(lists: Float64Array[]): Float64Array<ArrayBuffer> {
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let offset = 0;
  for (const list of lists) {
    all.set(list, offset);
    offset += list.length;
  }
  const order = Array.from({ length: all.length / TX.fields }, (_, i) => i * TX.fields);
  order.sort((a, b) => all[a + TX.time] - all[b + TX.time] || all[a + TX.agent] - all[b + TX.agent] || all[a + TX.ev] - all[b + TX.ev]);
  const merged = new Float64Array(all.length);
  order.forEach((row, k) => merged.set(all.subarray(row, row + TX.fields), k * TX.fields));
  return merged;
}
