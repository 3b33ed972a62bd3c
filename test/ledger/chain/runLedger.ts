// Test helper: runs one ledger under the poisson workload, wired as the runner wires a run.

import { Simulation } from '../../../src/engine/simulation.js';
import { RngStreams } from '../../../src/engine/rng.js';
import { TxLog } from '../../../src/metrics/txLog.js';
import { createPoissonWorkload } from '../../../src/model/workload/poisson.js';
import type * as z from 'zod';
import { networkSchema, poissonWorkloadSchema } from '../../../src/scenario/schema.js';
import { deviceLookup } from '../../../src/devices/deviceModel.js';
import { devicesSchema } from '../../../src/scenario/devicesSchema.js';
import type { Ledger, LedgerContext, LedgerReport } from '../../../src/ledger/ledger.js';

export interface LedgerRun<L extends Ledger> {
  ledger: L;
  report: LedgerReport;
  txLog: TxLog;
  sim: Simulation;
}

export interface RunOptions {
  seed?: number;
  duration: number;
  /** Poisson transactions per second (0: none). */
  rate: number;
  txSize?: number;
  issuers?: number;
  /** Device classes (scenario `devices`; default ev, agent, asic). */
  devices?: z.input<typeof devicesSchema>;
  /** Grid agents in the ledger context (dedicated pow miners; default 4). */
  agents?: number;
  network?: z.input<typeof networkSchema>;
  /** Called every `sampleEvery` seconds with the ledger, e.g. to read gauges. */
  sampleEvery?: number;
  sample?(ledger: Ledger, t: number): void;
  /** Transactions the log's and the ledger's arrays are sized for at the start (the run's transactionCapacity). */
  capacity?: number;
}

export function runLedger<L extends Ledger>(create: (ctx: LedgerContext) => L, options: RunOptions): LedgerRun<L> {
  const sim = new Simulation();
  const streams = new RngStreams(options.seed ?? 1);
  const txLog = new TxLog(options.capacity);
  const network = networkSchema.parse(options.network ?? {});
  const ledger = create({ sim, stream: (name) => streams.stream(`ledger.${name}`), txLog, network, duration: options.duration, warmup: 0, device: deviceLookup(devicesSchema.parse(options.devices ?? {})), agents: options.agents ?? 4, transactionCapacity: options.capacity });
  if (options.rate > 0) {
    const workload = createPoissonWorkload(
      poissonWorkloadSchema.parse({ kind: 'poisson', rate: options.rate, txSize: options.txSize ?? 250, issuers: options.issuers ?? 100 }),
      { sim, stream: (name) => streams.stream(name), txLog, ledger, duration: options.duration, warmup: 0 },
    );
    workload.start();
  }
  if (options.sample && options.sampleEvery) {
    const every = options.sampleEvery, sample = options.sample;
    const kind = sim.register(() => {
      sample(ledger, sim.now);
      if (sim.now + every <= options.duration) sim.schedule(every, kind);
    });
    sim.schedule(every, kind);
  }
  sim.run(options.duration);
  return { ledger, report: ledger.report(), txLog, sim };
}
