// What one benchmark workload reports: a speed (events/s or tx/s), optionally a ratio to a
// reference measured in the same process, and the figures behind them; and the wall-clock timer.

import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Events or transactions per second of wall time. */
  speed: number;
  unit: 'events/s' | 'tx/s' | 'runs/s' | 'EVs/s';
  /** Same-process ratio to a reference (higher is better), where one exists. */
  ratio?: number;
  ratioMeaning?: string;
  wallSeconds: number;
  details: Record<string, number | string>;
}

export interface BenchWorkload {
  name: string;
  description: string;
  run(quick: boolean): Promise<Measurement>;
}

/** Runs `work` once and measures its wall time. */
export function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}
