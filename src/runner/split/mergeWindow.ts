// The deterministic merge of one window of a split run: market rows in (time, agent) order and
// transactions in (time, agent, EV) order, whatever the partitions were.

import type { MarketIntervalRecord } from '../../model/workload/workload.js';
import { TX, type PartitionWindow } from './partition.js';

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
 * partitions play a tournament (a loser tree): each row out costs one match per level (4 at 16 partitions),
 * played on copies of each partition's next key, instead of a heap's sift-down reading the partitions' rows.
 */
function mergeTransactions(lists: Float64Array<ArrayBuffer>[]): Float64Array<ArrayBuffer> {
  const count = lists.length;
  if (count === 1) return lists[0];
  const merged = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let leaves = 2;
  while (leaves < count) leaves *= 2;
  // Each partition's next row and its key (time, then agent: two partitions' rows never share an agent, so the
  // EV never decides between them); a partition with no row left (or none at all) has time Infinity.
  const next = new Int32Array(leaves);
  const time = new Float64Array(leaves).fill(Infinity), agent = new Float64Array(leaves);
  const load = (p: number): void => {
    const list = lists[p], i = next[p];
    if (i < list.length) {
      time[p] = list[i + TX.time];
      agent[p] = list[i + TX.agent];
    } else time[p] = Infinity;
  };
  const beats = (p: number, q: number): boolean => time[p] < time[q] || (time[p] === time[q] && agent[p] < agent[q]);
  for (let p = 0; p < count; p++) load(p);
  // loser[node]: the partition that lost the match at internal node (1 .. leaves - 1); the winner goes up.
  const loser = new Int32Array(leaves);
  const winner = new Int32Array(2 * leaves);
  for (let p = 0; p < leaves; p++) winner[leaves + p] = p;
  for (let node = leaves - 1; node >= 1; node--) {
    const a = winner[2 * node], b = winner[2 * node + 1];
    const aWins = beats(a, b);
    winner[node] = aWins ? a : b;
    loser[node] = aWins ? b : a;
  }
  let w = winner[1], at = 0;
  while (time[w] !== Infinity) {
    const list = lists[w];
    for (let f = 0, i = next[w]; f < TX.fields; f++) merged[at + f] = list[i + f];
    at += TX.fields;
    next[w] += TX.fields;
    load(w);
    // Replay the winner's matches up to the root with its next row.
    for (let node = (leaves + w) >> 1; node >= 1; node >>= 1) {
      const rival = loser[node];
      if (beats(rival, w)) {
        loser[node] = w;
        w = rival;
      }
    }
  }
  return merged;
}
