// evs.csv rows formatted per partition and merged into EV order: the same text, chunks and charging
// columns as formatting every row at once, whatever the split and the chunk size; as UTF-8 bytes whose
// line ends are byte offsets (a tag with characters beyond ASCII), each chunk on a buffer of its own.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { formatEvLines, mergeEvLines, rowSource, type EvLines } from '../../src/runner/split/evLines.js';
import { chargingReport, type EvRow } from '../../src/model/charging/owners.js';
import { csvRows } from '../../src/output/csv.js';
import { EV_FILE_COLUMNS } from '../../src/store/runStore.js';

const TAG = { run_id: 'p0-pöw,x-r0', ledger: 'pöw,x' };

const text = (lines: EvLines) => Buffer.concat(lines.chunks).toString('utf8');

function randomRows(n: number, rng: () => number): EvRow[] {
  return Array.from({ length: n }, (_, i) => {
    const has = rng() < 0.8;
    return {
      ev_id: i, agent: Math.floor(rng() * 5), arrival_s: has ? rng() * 1e5 : null, departure_s: has ? rng() * 1e5 : null,
      energy_sold_kwh: rng() * 10, energy_charged_kwh: rng() * 30, revenue: rng(), charging_cost: rng() * 3,
      degradation_cost: rng(), fees: 0, net_benefit: rng() - 0.5,
    };
  });
}

describe('evs.csv lines of a split run', () => {
  it.each([1, 2, 3, 5])('rows split over %i partitions merge into the text of all rows formatted at once', (partitions) => {
    const rng = seedrandom(`evs-${partitions}`);
    const rows = randomRows(103, rng);
    const shuffled = [...rows].sort(() => rng() - 0.5);
    const parts = Array.from({ length: partitions }, (_, p) => formatEvLines(rowSource(shuffled.filter((r) => r.agent! % partitions === p)), TAG, 7));
    const merged = mergeEvLines(parts);
    const whole = formatEvLines(rowSource(rows), TAG, 7);
    expect(merged).toEqual(whole);
    expect(text(merged)).toBe(csvRows(rows.map((row) => ({ ...TAG, ...row })), EV_FILE_COLUMNS));
    expect(merged.chunks.slice(0, -1).every((chunk) => Buffer.from(chunk).toString('utf8').split('\r\n').length - 1 === 7)).toBe(true);
    expect(merged.chunks.every((chunk) => chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length)).toBe(true);
    // Each line ends where its row's end says, in bytes.
    const lines = text(merged).split('\r\n').slice(0, -1);
    lines.forEach((line, i) => expect(merged.ends[i] - (i % 7 === 0 ? 0 : merged.ends[i - 1])).toBe(Buffer.byteLength(line) + 2));
    // The parts' wholly copied chunks are let go.
    if (partitions > 1) for (const part of parts) expect(part.chunks.slice(0, Math.floor(part.ids.length / 7)).every((chunk) => chunk.length === 0)).toBe(true);
    const report = chargingReport(merged, [3, 1]);
    const withSessions = rows.filter((r) => r.arrival_s !== null);
    expect(report.chargingEnergyKwh).toBe(rows.reduce((sum, r) => sum + r.energy_charged_kwh!, 0));
    expect(report.chargingCost).toBe(rows.reduce((sum, r) => sum + r.charging_cost!, 0));
    expect(report.ownersLosingShare).toBe(withSessions.filter((r) => r.net_benefit! < 0).length / withSessions.length);
    expect(report.chargingIterations).toBe(3);
  });

  it.each([TAG, { run_id: 'p0-pow-r0', ledger: 'pow' }])('formats chunks of thousands of rows, each on a buffer of its own size (tag %o)', (tag) => {
    const rows = randomRows(9_000, seedrandom('batches'));
    const lines = formatEvLines(rowSource(rows), tag, 4_500);
    expect(lines.chunks.length).toBe(2);
    expect(text(lines)).toBe(csvRows(rows.map((row) => ({ ...tag, ...row })), EV_FILE_COLUMNS));
    expect(lines.chunks.every((chunk) => chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length)).toBe(true);
    expect(lines.ends[4_499]).toBe(lines.chunks[0].length);
    expect(lines.ends[8_999]).toBe(lines.chunks[1].length);
  });

  it('writes no lines for no EVs', () => {
    const merged = mergeEvLines([formatEvLines(rowSource([]), TAG), formatEvLines(rowSource([]), TAG)]);
    expect(merged.chunks).toEqual([]);
    expect(chargingReport(merged, []).ownersLosingShare).toBeNull();
  });

  it('refuses rows that do not come in ascending EV id', () => {
    const rows = randomRows(5, seedrandom('order'));
    const swapped = [rows[0], rows[2], rows[1], rows[3], rows[4]];
    expect(() => formatEvLines({ count: 5, rows: (from, to) => swapped.slice(from, to) }, TAG)).toThrow(/EV 1 comes after EV 2/);
  });
});

