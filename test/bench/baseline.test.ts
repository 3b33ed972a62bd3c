// The benchmark's regression check: only same-process figures (speed / calibration, a workload's own
// ratio) are checked, absolute speeds never, and a workload below its limit is measured again; the
// calibration loop on one and on two threads; and one workload measured for real in a child process
// (figures are not asserted: the machine is shared); an update of some workloads keeps the baseline's
// account of how its other figures were taken.

import { describe, expect, it } from 'vitest';
import { betterOf, checkAgainst, howTaken, readBaseline, updatedHow, type BaselineEntry } from '../../src/bench/baseline.js';
import { DEFAULT_TOLERANCES } from '../../src/bench/tolerances.js';
import { runBench, type WorkloadResult } from '../../src/bench/runBench.js';
import { WORKLOADS } from '../../src/bench/workloads.js';
import { calibrate } from '../../src/bench/calibration.js';

const base: Record<string, BaselineEntry> = {
  engine: { speed: 1_000_000, unit: 'events/s', calibration: 2_000_000, relative: 0.5, ratio: 0.8, peakRssMb: 100, wallSeconds: 1 },
  tangle: { speed: 200_000, unit: 'tx/s', calibration: 2_000_000, relative: 0.1, peakRssMb: 100, wallSeconds: 1 },
};

function result(name: string, speed: number, calibration: number, ratio?: number): WorkloadResult {
  return { name, speed, calibration, relative: speed / calibration, threads: 1, ratio, unit: 'events/s', wallSeconds: 1, details: {}, peakRssMb: 1, repeats: 1 };
}

describe('bench --check', () => {
  it('passes a machine at half speed whose same-process figures hold', () => {
    const rows = checkAgainst(base, [result('engine', 450_000, 1_000_000, 0.78), result('tangle', 90_000, 1_000_000)], DEFAULT_TOLERANCES);
    expect(rows.map((r) => `${r.name} ${r.figure}`)).toEqual(['engine relative', 'engine ratio', 'tangle relative']);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.find((r) => r.name === 'tangle')!.change).toBeCloseTo(-0.1, 12);
  });

  it('fails a figure more than 25% below the baseline, and only that one', () => {
    const rows = checkAgainst(base, [result('engine', 2_000_000, 2_000_000, 0.55), result('tangle', 140_000, 2_000_000)], DEFAULT_TOLERANCES);
    expect(rows.filter((r) => !r.ok).map((r) => `${r.name} ${r.figure}`)).toEqual(['engine ratio', 'tangle relative']);
    expect(rows.find((r) => r.name === 'tangle')!.limit).toBeCloseTo(0.075, 12);
  });

  it('keeps, for a workload measured again, its better relative figure and its better ratio', () => {
    const first = [result('engine', 1_000_000, 2_000_000, 0.5), result('tangle', 100_000, 2_000_000)];
    const merged = betterOf(first, [result('engine', 900_000, 1_000_000, 0.4)]);
    expect(merged.map((r) => [r.name, r.relative, r.ratio])).toEqual([['engine', 0.9, 0.5], ['tangle', 0.05, undefined]]);
    expect(merged[0].speed).toBe(900_000);
  });

  it('ignores workloads the baseline does not have', () => {
    expect(checkAgainst(base, [result('market', 1, 1)], DEFAULT_TOLERANCES)).toEqual([]);
  });

  it('has a committed baseline with a calibrated figure for every workload, quick and full', () => {
    const baseline = readBaseline();
    for (const w of WORKLOADS) {
      for (const section of ['quick', 'full'] as const) {
        const entry = baseline[section][w.name];
        expect(entry, `${section} ${w.name}`).toBeDefined();
        // the median of each run's speed / calibration, so close to but not exactly the ratio of the medians
        expect(entry.calibration, `${section} ${w.name}`).toBeGreaterThan(0);
        expect(entry.relative, `${section} ${w.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('times the calibration loop on one thread and on two worker threads', async () => {
    expect(await calibrate(1, 100_000)).toBeGreaterThan(0);
    expect(await calibrate(2, 100_000)).toBeGreaterThan(0);
  });

  it('measures a workload in a child process, with its calibration and peak memory', async () => {
    const [engine] = await runBench(['engine'], { quick: true, repeat: 1 });
    expect(engine.speed).toBeGreaterThan(0);
    expect(engine.ratio).toBeGreaterThan(0);
    expect(engine.threads).toBe(1);
    expect(engine.relative).toBeCloseTo(engine.speed / engine.calibration, 9);
    expect(engine.peakRssMb).toBeGreaterThan(10);
  });
});

describe('bench --update', () => {
  const earlier = 'taken thus, with these exceptions';
  it('keeps the account of earlier figures when only some workloads are retaken, saying which', () => {
    const how = updatedHow(earlier, { section: 'quick', names: ['lightchain', 'pow'], all: false, repeat: 3, date: '2026-11-27' });
    expect(how).toBe(`${earlier}; quick lightchain, pow retaken alone, 3 times, 2026-11-27`);
  });

  it('starts the account afresh when every workload is retaken, or when there was none', () => {
    expect(updatedHow(earlier, { section: 'full', names: ['engine'], all: true, repeat: 5, date: '2026-11-27' })).toBe(howTaken(5));
    expect(updatedHow(undefined, { section: 'quick', names: ['engine'], all: false, repeat: 3, date: '2026-11-27' })).toBe(howTaken(3));
    expect(howTaken(5)).toContain('run 5 times');
  });
});
