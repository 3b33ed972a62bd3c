// A `dv2g bench` workload, and what its child process reports: the workload's measurement with the
// calibration timed around it in the same process.

import type { Measurement } from '../timing/measurement.js';

export type { Measurement } from '../timing/measurement.js';

export interface BenchWorkload {
  name: string;
  description: string;
  /** Threads the timed work keeps busy; its calibration runs on as many. */
  threads: number;
  run(quick: boolean): Promise<Measurement>;
}

/** One child process's report: the workload's measurement and the calibration timed just before it. */
export interface CalibratedMeasurement extends Measurement {
  /** Calibration loop speed in events/s, summed over `threads` threads: the mean of a pass just before and one just after the workload. */
  calibration: number;
  /** speed / calibration: the figure that `--check` compares, because load and clock speed cancel out. */
  relative: number;
  threads: number;
  peakRssMb: number;
}
