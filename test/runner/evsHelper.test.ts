// A partition's evs.csv rows with the first half's whole chunks formatted on a helper thread: the same lines,
// chunks and charging columns as formatting every row here; empty cells stay empty and a not-a-number stays one.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { concatEvLines, formatEvLines, rowSource } from '../../src/runner/split/evLines.js';
import { evCells, evCellsSource, formatEvLinesWithHelper } from '../../src/runner/split/evsHelper.js';
import type { EvRow } from '../../src/model/charging/owners.js';

const TAG = { run_id: 'p0-tangle-r0', ledger: 'tangle' };

function randomRows(n: number, rng: () => number): EvRow[] {
  return Array.from({ length: n }, (_, i) => {
    const has = rng() < 0.8;
    return {
      ev_id: 3 * i, agent: Math.floor(rng() * 5), arrival_s: has ? rng() * 1e5 : null, departure_s: has ? rng() * 1e5 : null,
      energy_sold_kwh: rng() * 10, energy_charged_kwh: i === 7 ? Number.NaN : rng() * 30, revenue: rng(), charging_cost: rng() * 3,
      degradation_cost: rng(), fees: i % 3 === 0 ? 0 : rng() / 100, net_benefit: rng() - 0.5,
    };
  });
}

describe('evs.csv rows formatted with a helper thread', () => {
  it('gives the lines, chunks and columns of formatting every row here', () => {
    const rows = randomRows(1_003, seedrandom('evs-helper'));
    const here = formatEvLines(rowSource(rows), TAG, 100);
    const asked: string[] = [];
    const source = rowSource(rows);
    const helped = formatEvLinesWithHelper({ count: source.count, rows: (from, to) => (asked.push(`${from}-${to}`), source.rows(from, to)) }, TAG, 100);
    expect(helped).toEqual(here);
    // The first 5 whole chunks went to the helper as numbers at once; the rest were formatted here, a chunk at a time.
    expect(asked).toEqual(['0-500', '500-600', '600-700', '700-800', '800-900', '900-1000', '1000-1003']);
    expect(helped.chunks).toHaveLength(11);
    expect(Number.isNaN(helped.charged[7])).toBe(true);
  });

  it("fails with the helper's reason when the rows it was given cannot be formatted", () => {
    const rows = randomRows(1_003, seedrandom('evs-helper-bad'));
    [rows[10], rows[11]] = [rows[11], rows[10]];
    const inOrder = { count: rows.length, rows: (from: number, to: number) => rows.slice(from, to) };
    expect(() => formatEvLinesWithHelper(inOrder, TAG, 100)).toThrow(/^the evs\.csv rows' helper thread failed: Error: evs\.csv: EV 30 comes after EV 33/);
  });

  it('formats everything here when there is not one whole chunk to give the helper', () => {
    const rows = randomRows(150, seedrandom('evs-helper-small'));
    expect(formatEvLinesWithHelper(rowSource(rows), TAG, 100)).toEqual(formatEvLines(rowSource(rows), TAG, 100));
  });

  it('takes rows to numbers and back unchanged, an empty cell apart from a not-a-number', () => {
    const rows = randomRows(40, seedrandom('evs-cells'));
    const back = evCellsSource(evCells(rowSource(rows), 5, 40)).rows(0, 35);
    back.forEach((row, k) => expect(row).toStrictEqual(rows[5 + k]));
  });

  it('refuses to put lines before others that do not start a chunk or come earlier', () => {
    const rows = randomRows(30, seedrandom('evs-concat'));
    const first = formatEvLines(rowSource(rows.slice(0, 10)), TAG, 10);
    const rest = formatEvLines(rowSource(rows.slice(10)), TAG, 10);
    expect(concatEvLines(first, rest)).toEqual(formatEvLines(rowSource(rows), TAG, 10));
    expect(() => concatEvLines(formatEvLines(rowSource(rows.slice(0, 9)), TAG, 10), rest)).toThrow(/9 lines of 10 a chunk/);
    expect(() => concatEvLines(rest, first)).toThrow(/EV 0 comes after EV 87/);
  });
});
