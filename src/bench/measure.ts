// What one benchmark workload reports: a speed (events/s or tx/s), optionally a ratio to a
// reference measured in the same process, and the figures behind them; and the same with the
// calibration timed before it in its child process.

export interface Measurement {
  /** Events or transactions per second of wall time (information: a busy machine moves it). */
  speed: number;
  unit: 'events/s' | 'tx/s' | 'runs/s';
  /** Same-process ratio to a reference (higher is better), where one exists. */
  ratio?: number;
  ratioMeaning?: string;
  wallSeconds: number;
  details: Record<string, number | string>;
}

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
