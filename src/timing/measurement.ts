// What one timed workload reports (a speed, optionally a same-process ratio, the figures behind it) and
// the wall-clock timer; shared by `dv2g bench` and the ledger kinds' own bench workloads, and importing nothing.

import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Events or transactions per second of wall time (information: a busy machine moves it). */
  speed: number;
  unit: 'events/s' | 'tx/s' | 'runs/s' | 'EVs/s' | 'EV-days/s';
  /** Same-process ratio to a reference (higher is better), where one exists. */
  ratio?: number;
  ratioMeaning?: string;
  wallSeconds: number;
  details: Record<string, number | string>;
}

/** Runs `work` once and measures its wall time. */
export function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}
