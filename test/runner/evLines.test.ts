// evs.csv rows formatted per partition and merged into EV order: the same text, chunks and charging
// columns as formatting every row at once, whatever the split and the chunk size.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { formatEvLines, mergeEvLines } from '../../src/runner/split/evLines.js';
import { chargingReport, type EvRow } from '../../src/model/charging/owners.js';
import { csvRows } from '../../src/output/csv.js';
import { EV_FILE_COLUMNS } from '../../src/store/runStore.js';

const TAG = { run_id: 'p0-pow,x-r0', ledger: 'pow,x' };

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
    const parts = Array.from({ length: partitions }, (_, p) => formatEvLines(shuffled.filter((r) => r.agent! % partitions === p), TAG, 7));
    const merged = mergeEvLines(parts);
    const whole = formatEvLines(rows, TAG, 7);
    expect(merged).toEqual(whole);
    expect(merged.chunks.join('')).toBe(csvRows(rows.map((row) => ({ ...TAG, ...row })), EV_FILE_COLUMNS));
    expect(merged.chunks.slice(0, -1).every((chunk) => chunk.split('\r\n').length - 1 === 7)).toBe(true);
    const report = chargingReport(merged, [3, 1]);
    const withSessions = rows.filter((r) => r.arrival_s !== null);
    expect(report.chargingEnergyKwh).toBe(rows.reduce((sum, r) => sum + r.energy_charged_kwh!, 0));
    expect(report.chargingCost).toBe(rows.reduce((sum, r) => sum + r.charging_cost!, 0));
    expect(report.ownersLosingShare).toBe(withSessions.filter((r) => r.net_benefit! < 0).length / withSessions.length);
    expect(report.chargingIterations).toBe(3);
  });

  it('writes no lines for no EVs', () => {
    const merged = mergeEvLines([formatEvLines([], TAG), formatEvLines([], TAG)]);
    expect(merged.chunks).toEqual([]);
    expect(chargingReport(merged, []).ownersLosingShare).toBeNull();
  });
});
