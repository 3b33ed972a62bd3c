// What one benchmark workload reports: a speed (events/s or tx/s), optionally a ratio to a
// reference measured in the same process, and the figures behind them.

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
