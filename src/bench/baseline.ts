// The committed benchmark baseline (results/bench-baseline.json) and the regression check against it:
// only same-process figures are checked (speed / calibration, and a workload's own ratio), because a busy
// or slower machine moves both sides of them alike; absolute speeds are kept as information.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkloadResult } from './runBench.js';
import { writeFileAtomic } from '../io/atomicFile.js';
import { PACKAGE_DIR } from '../io/packageDir.js';
import type { Tolerances } from './tolerances.js';

export const BASELINE_PATH = join(PACKAGE_DIR, 'results', 'bench-baseline.json');

export interface Baseline {
  how: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  taken_at: string;
  quick: Record<string, BaselineEntry>;
  full: Record<string, BaselineEntry>;
}

export interface BaselineEntry {
  /** Information only. */
  speed: number;
  unit: string;
  /** Information only: the calibration loop's events/s in the same child process. */
  calibration: number;
  /** speed / calibration (checked). */
  relative: number;
  /** The workload's own same-process ratio (checked), where it has one. */
  ratio?: number;
  peakRssMb: number;
  wallSeconds: number;
}

export interface CheckRow {
  name: string;
  figure: 'relative' | 'ratio';
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

/** How the baseline's figures were taken, for a full update of every workload. */
export function howTaken(repeat: number): string {
  return `dv2g bench --update (quick and full sections): each workload run ${repeat} times in a child process of its own that times the calibration loop on the workload's threads just before it; the median speed, calibration, relative (speed / calibration) and ratio, the largest peak RSS`;
}

/**
 * The baseline's account of how its figures were taken after an update: a full update (every workload)
 * starts it afresh; an update of some workloads (`--only`) keeps the earlier account and adds which
 * workloads were retaken, when and how often, since the others' figures are still the earlier ones.
 */
export function updatedHow(previous: string | undefined, update: { section: 'quick' | 'full'; names: readonly string[]; all: boolean; repeat: number; date: string }): string {
  if (update.all || !previous) return howTaken(update.repeat);
  return `${previous}; ${update.section} ${update.names.join(', ')} retaken alone, ${update.repeat} times, ${update.date}`;
}

export function entryOf(r: WorkloadResult): BaselineEntry {
  return { speed: r.speed, unit: r.unit, calibration: r.calibration, relative: r.relative, ...(r.ratio !== undefined ? { ratio: r.ratio } : {}), peakRssMb: Math.round(r.peakRssMb), wallSeconds: r.wallSeconds };
}

/** Compares results with baseline entries; a workload or figure missing from the baseline is not checked. */
export function checkAgainst(entries: Record<string, BaselineEntry>, results: WorkloadResult[], tol: Tolerances): CheckRow[] {
  const rows: CheckRow[] = [];
  const check = (name: string, figure: CheckRow['figure'], baseline: number | undefined, now: number | undefined) => {
    if (baseline === undefined || now === undefined) return;
    const limit = baseline * (1 - tol.ratio);
    rows.push({ name, figure, baseline, now, change: now / baseline - 1, limit, ok: now >= limit });
  };
  for (const r of results) {
    const base = entries[r.name];
    if (!base) continue;
    check(r.name, 'relative', base.relative, r.relative);
    check(r.name, 'ratio', base.ratio, r.ratio);
  }
  return rows;
}

/** `results` with each workload that `again` measured once more given the better of its two figures (relative and ratio). */
export function betterOf(results: WorkloadResult[], again: WorkloadResult[]): WorkloadResult[] {
  return results.map((first) => {
    const second = again.find((r) => r.name === first.name);
    if (!second) return first;
    const best = second.relative > first.relative ? second : first;
    const ratio = first.ratio === undefined || second.ratio === undefined ? best.ratio : Math.max(first.ratio, second.ratio);
    return { ...best, ratio };
  });
}
