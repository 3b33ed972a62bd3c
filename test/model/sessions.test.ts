// Checks session draws against the ElaadNL tables they come from.

import { expect, it } from 'vitest';
import { RngStreams } from '../../src/engine/rng.js';
import { fleetSchema } from '../../src/model/schema.js';
import { inverseCdf, sessionSampler } from '../../src/model/sessions.js';
import { ARRIVAL_SHARE_PERCENT, CONNECTION_HOURS_EXCEEDED } from '../../src/model/data/elaad.js';

const N = 40000;

function sampler(config: Record<string, unknown> = {}) {
  const streams = new RngStreams(9);
  return sessionSampler(fleetSchema.parse(config), { arrival: streams.stream('a'), connection: streams.stream('c'), soc: streams.stream('s') });
}

it('draws private arrivals by the ElaadNL slot shares', () => {
  const s = sampler();
  // Share of private arrivals between 17:00 and 19:00 (slots 68..75) in the table.
  const expected = ARRIVAL_SHARE_PERCENT.private.slice(68, 76).reduce((x, y) => x + y, 0) / 100;
  let hits = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  for (let i = 0; i < N; i++) {
    const t = s.arrivalTimeOfDay(0);
    earliest = Math.min(earliest, t);
    latest = Math.max(latest, t);
    if (t >= 17 * 3600 && t < 19 * 3600) hits++;
  }
  expect(earliest).toBeGreaterThanOrEqual(0);
  expect(latest).toBeLessThan(86400);
  // Binomial standard error sqrt(p(1-p)/N) is about 0.0021 here; 5 of them cannot fail by chance.
  expect(Math.abs(hits / N - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / N));
});

it('draws connection times whose median matches the table', () => {
  const s = sampler();
  const draws = Float64Array.from({ length: N }, () => s.connectionTime(2)).sort();
  // Row 50 of the table is the median stay at work (4.9 h); sampling error of the median is tiny at this N.
  expect(draws[N / 2] / 3600).toBeCloseTo(CONNECTION_HOURS_EXCEEDED.workplace[50], 1);
  expect(draws[N - 1]).toBeLessThanOrEqual(72 * 3600);
});

it('interpolates an inverse CDF table linearly', () => {
  const rng = new RngStreams(1).stream('x');
  const draw = inverseCdf([10, 0], 1, rng);
  let sum = 0;
  for (let i = 0; i < N; i++) sum += draw();
  // Uniform on [0, 10]: mean 5, standard error 10/sqrt(12 N) = 0.014.
  expect(sum / N).toBeCloseTo(5, 1);
});

it('takes scenario distributions instead of the tables, and derives arrival SoC from session energy', () => {
  const s = sampler({ arrivalTime: '18h', connectionTime: { dist: 'uniform', min: '1h', max: '2h' }, arrivalSoc: 0.8 });
  expect(s.arrivalTimeOfDay(1)).toBe(18 * 3600);
  const stay = s.connectionTime(0);
  expect(stay).toBeGreaterThanOrEqual(3600);
  expect(stay).toBeLessThanOrEqual(7200);
  expect(s.arrivalSoc(0, 60)).toBe(0.8);
  const elaad = sampler();
  for (let i = 0; i < 1000; i++) {
    const soc = elaad.arrivalSoc(0, 60);
    expect(soc).toBeGreaterThanOrEqual(0.05);
    expect(soc).toBeLessThanOrEqual(1);
  }
});
