// The merge of a split run's window: each partition's transactions come sorted by (time, agent, EV) (its own
// stable sort, which hands a window already in order back as it is), and the merge gives the order a stable
// sort of all of them would, ties at one instant included.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { mergeWindow } from '../../src/runner/split/mergeWindow.js';
import { sortTransactions, TX, type PartitionWindow } from '../../src/runner/split/partition.js';

type Row = number[];

function window(rows: Row[]): PartitionWindow {
  const tx = new Float64Array(rows.length * TX.fields);
  rows.forEach((row, k) => tx.set(row, k * TX.fields));
  return { records: [], netLoadKw: new Float64Array(0), tx, evs: null, optimum: null, chargingRounds: [], events: 0 };
}

const byKey = (x: Row, y: Row) => x[TX.time] - y[TX.time] || x[TX.agent] - y[TX.agent] || x[TX.ev] - y[TX.ev];

describe('split-run window merge', () => {
  it.each([1, 2, 3, 4, 7, 16])('merges %i partitions\' sorted transactions as one stable sort would', (count) => {
    const rng = seedrandom(`merge-${count}`);
    // Transactions at few distinct instants (many ties), agents 0..19 in partition agent mod count, an EV
    // settling twice at one instant (the serial number tells the two apart).
    const all: Row[] = Array.from({ length: 300 }, (_, serial) => {
      const agent = Math.floor(rng() * 20);
      const row = new Array<number>(TX.fields).fill(0);
      row[TX.time] = Math.floor(rng() * 5) * 900;
      row[TX.agent] = agent;
      row[TX.ev] = (19 - agent) * 100 + Math.floor(rng() * 4); // EV ids run against agents: the agent must decide first
      row[TX.value] = serial;
      return row;
    });
    const parts = Array.from({ length: count }, (_, p) => window(all.filter((row) => row[TX.agent] % count === p).sort(byKey)));
    const merged = mergeWindow(parts).tx;
    const expected = [...all].sort(byKey);
    expect(Array.from(merged)).toEqual(expected.flat());
  });

  it('merges when some partitions have no transactions in the window, or none has', () => {
    const rows: Row[] = [5, 3, 9, 3].map((agent, serial) => {
      const row = new Array<number>(TX.fields).fill(0);
      row[TX.time] = serial < 2 ? 60 : 30;
      row[TX.agent] = agent;
      row[TX.ev] = agent * 10;
      row[TX.value] = serial;
      return row;
    });
    const parts = Array.from({ length: 11 }, (_, p) => window(rows.filter((row) => row[TX.agent] % 11 === p).sort(byKey)));
    expect(Array.from(mergeWindow(parts).tx)).toEqual([...rows].sort(byKey).flat());
    expect(mergeWindow(Array.from({ length: 5 }, () => window([]))).tx).toHaveLength(0);
  });

  it("sorts a partition's window stably, and hands one already in order back as it is", () => {
    const rng = seedrandom('partition-sort');
    const rows: Row[] = Array.from({ length: 200 }, (_, serial) => {
      const row = new Array<number>(TX.fields).fill(0);
      row[TX.time] = Math.floor(rng() * 4) * 60;
      row[TX.agent] = Math.floor(rng() * 3);
      row[TX.ev] = Math.floor(rng() * 3);
      row[TX.value] = serial;
      return row;
    });
    const expected = [...rows].sort(byKey);
    expect(Array.from(sortTransactions(window(rows).tx))).toEqual(expected.flat());
    const inOrder = window(expected).tx;
    expect(sortTransactions(inOrder)).toBe(inOrder);
  });
});
