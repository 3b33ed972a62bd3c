// Checks that the embedded ElaadNL tables match the data files shipped in scenarios/data/ev-behaviour/.

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ARRIVAL_SHARE_PERCENT, CONNECTION_HOURS_EXCEEDED, EV_MODELS, LOCATIONS, SESSION_KWH_EXCEEDED } from '../../../src/model/data/elaad.js';

const dir = new URL('../../../scenarios/data/ev-behaviour/', import.meta.url);

function columns(file: string): number[][] {
  const rows = readFileSync(new URL(file, dir), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
  return LOCATIONS.map((_, j) => rows.map((r) => r[j]));
}

it('embeds the CSV tables (to the 6 decimals kept)', () => {
  for (const [file, table] of [
    ['distribution-of-arrival.csv', ARRIVAL_SHARE_PERCENT],
    ['distribution-of-connection-time.csv', CONNECTION_HOURS_EXCEEDED],
    ['distribution-of-energy-demand.csv', SESSION_KWH_EXCEEDED],
  ] as const) {
    const cols = columns(file);
    LOCATIONS.forEach((l, j) => {
      expect(table[l].length).toBe(cols[j].length);
      table[l].forEach((x, i) => expect(Math.abs(x - cols[j][i])).toBeLessThan(1e-6));
    });
  }
  for (const l of LOCATIONS) expect(ARRIVAL_SHARE_PERCENT[l].reduce((s, x) => s + x, 0)).toBeCloseTo(100, 3);
});

it('embeds the EV models', () => {
  const models = JSON.parse(readFileSync(new URL('ev-models.json', dir), 'utf8')) as Record<string, { number_of_registrations: number; battery_capacity: number; max_ac_discharge_power: number }>;
  expect(EV_MODELS.map((m) => [m.name, m.registrations, m.batteryKwh, m.dischargeKw])).toEqual(
    Object.entries(models).map(([name, m]) => [name, m.number_of_registrations, m.battery_capacity, m.max_ac_discharge_power]),
  );
});
