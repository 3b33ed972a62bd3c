// The committed benchmark baseline (results/bench-baseline.json) and the regression check against it:
// same-process ratios get a tight tolerance, absolute speeds a wide one, because CI machines differ.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkloadResult } from './runBench.js';
import { writeFileAtomic } from '../io/atomicFile.js';

export const BASELINE_PATH = fileURLToPath(new URL('../../results/bench-baseline.json', import.meta.url));

export interface Tolerances {
  /** Fail when a ratio falls more than this share below the baseline (default 0.25). */
  ratio: number;
  /** Fail when a speed falls below this share of the baseline (default 0.5). */
  speedFloor: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { ratio: 0.25, speedFloor: 0.5 };

export interface Baseline {
  how: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  taken_at: string;
  quick: Record<string, BaselineEntry>;
  full: Record<string, BaselineEntry>;
}

export interface BaselineEntry {
  speed: number;
  unit: string;
  ratio?: number;
  peakRssMb: number;
  wallSeconds: number;
}

export interface CheckRow {
  name: string;
  figure: 'speed' | 'ratio';
  baseline: number;
  now: number;
  change: number;
  limit: number;
  ok: boolean;
}

export function readBaseline(path = BASELINE_PATH): Baseline {
  return JSON.parse(readFileSync(path, 'utf8')) as Baseline;
}

export function writeBaseline(baseline: Baseline, path = BASELINE_PATH): void {
  writeFileAtomic(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function entryOf(r: WorkloadResult): BaselineEntry {
  return { speed: r.speed, unit: r.unit, ...(r.ratio !== undefined ? { ratio: r.ratio } : {}), peakRssMb: Math.round(r.peakRssMb), wallSeconds: r.wallSeconds };
}

/** Compares results with baseline entries; a workload missing from the baseline is not checked. */
export function checkAgainst(entries: Record<string, BaselineEntry>, results: WorkloadResult[], tol: Tolerances): CheckRow[] {
  const rows: CheckRow[] = [];
  for (const r of results) {
    const base = entries[r.name];
    if (!base) continue;
    const speedLimit = base.speed * tol.speedFloor;
    rows.push({ name: r.name, figure: 'speed', baseline: base.speed, now: r.speed, change: r.speed / base.speed - 1, limit: speedLimit, ok: r.speed >= speedLimit });
    if (base.ratio !== undefined && r.ratio !== undefined) {
      const ratioLimit = base.ratio * (1 - tol.ratio);
      rows.push({ name: r.name, figure: 'ratio', baseline: base.ratio, now: r.ratio, change: r.ratio / base.ratio - 1, limit: ratioLimit, ok: r.ratio >= ratioLimit });
    }
  }
  return rows;
}
