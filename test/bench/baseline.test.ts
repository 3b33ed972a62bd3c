// The benchmark's regression check: ratios against a tight tolerance, speeds against a wide floor;
// and one workload measured for real in a child process (figures are not asserted: the machine is shared).

import { describe, expect, it } from 'vitest';
import { checkAgainst, DEFAULT_TOLERANCES, readBaseline, type BaselineEntry } from '../../src/bench/baseline.js';
import { runBench, type WorkloadResult } from '../../src/bench/runBench.js';
import { WORKLOADS } from '../../src/bench/workloads.js';

const base: Record<string, BaselineEntry> = {
  engine: { speed: 1_000_000, unit: 'events/s', ratio: 0.8, peakRssMb: 100, wallSeconds: 1 },
  tangle: { speed: 200_000, unit: 'tx/s', peakRssMb: 100, wallSeconds: 1 },
};

function result(name: string, speed: number, ratio?: number): WorkloadResult {
  return { name, speed, ratio, unit: 'events/s', wallSeconds: 1, details: {}, peakRssMb: 1, repeats: 1 };
}

describe('bench --check', () => {
  it('passes figures within tolerance and fails a ratio drop beyond 25% or a speed below half', () => {
    const ok = checkAgainst(base, [result('engine', 600_000, 0.65), result('tangle', 120_000)], DEFAULT_TOLERANCES);
    expect(ok.every((r) => r.ok)).toBe(true);
    const bad = checkAgainst(base, [result('engine', 600_000, 0.55), result('tangle', 90_000)], DEFAULT_TOLERANCES);
    expect(bad.filter((r) => !r.ok).map((r) => `${r.name} ${r.figure}`)).toEqual(['engine ratio', 'tangle speed']);
    expect(bad.find((r) => r.name === 'tangle')!.change).toBeCloseTo(-0.55, 12);
  });

  it('ignores workloads the baseline does not have', () => {
    expect(checkAgainst(base, [result('market', 1)], DEFAULT_TOLERANCES)).toEqual([]);
  });

  it('has a committed baseline for every workload, quick and full', () => {
    const baseline = readBaseline();
    for (const w of WORKLOADS) {
      expect(baseline.quick[w.name], `quick ${w.name}`).toBeDefined();
      expect(baseline.full[w.name], `full ${w.name}`).toBeDefined();
    }
  });

  it('measures a workload in a child process, with its peak memory', async () => {
    const [engine] = await runBench(['engine'], { quick: true, repeat: 1 });
    expect(engine.speed).toBeGreaterThan(0);
    expect(engine.ratio).toBeGreaterThan(0);
    expect(engine.peakRssMb).toBeGreaterThan(10);
  });
});
