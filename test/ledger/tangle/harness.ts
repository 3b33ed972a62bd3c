// Drives a tangle ledger with the poisson workload for tests: one seeded run, then the ledger and its report.

import { Simulation } from '../../../src/engine/simulation.js';
import { RngStreams } from '../../../src/engine/rng.js';
import { TxLog } from '../../../src/metrics/txLog.js';
import { createPoissonWorkload } from '../../../src/model/workload/poisson.js';
import { networkSchema, poissonWorkloadSchema } from '../../../src/scenario/schema.js';
import { TangleLedger } from '../../../src/ledger/tangle/index.js';
import { tangleSchema } from '../../../src/ledger/tangle/schema.js';
import { deviceLookup } from '../../../src/devices/deviceModel.js';
import { devicesSchema } from '../../../src/scenario/devicesSchema.js';
import type * as z from 'zod';
import type { LedgerReport } from '../../../src/ledger/ledger.js';

export interface TangleRun {
  ledger: TangleLedger;
  report: LedgerReport;
  txLog: TxLog;
  sim: Simulation;
}

export interface RunOptions {
  rate: number;
  duration: number;
  warmup?: number;
  seed?: number;
  issuers?: number;
  /** Device classes (scenario `devices`; default ev, agent, asic). */
  devices?: z.input<typeof devicesSchema>;
  /** Transactions the log and the ledger's arrays are sized for at the start (default: the log's own default). */
  capacity?: number;
}

/** Runs a poisson workload through a tangle configured by `ledger` (scenario keys, defaults filled in). */
export function runTangle(ledger: Record<string, unknown>, options: RunOptions): TangleRun {
  const sim = new Simulation();
  const streams = new RngStreams(options.seed ?? 1);
  const txLog = new TxLog(options.capacity);
  const warmup = options.warmup ?? 0;
  const config = tangleSchema.parse({ kind: 'tangle', ...ledger });
  const tangle = new TangleLedger(config, {
    sim,
    stream: (name) => streams.stream(`ledger.${name}`),
    txLog,
    network: networkSchema.parse({}),
    duration: options.duration,
    warmup,
    device: deviceLookup(devicesSchema.parse(options.devices ?? {})),
    agents: 4,
    transactionCapacity: options.capacity,
  });
  const workload = createPoissonWorkload(
    poissonWorkloadSchema.parse({ kind: 'poisson', rate: options.rate, issuers: options.issuers ?? 100 }),
    { sim, stream: (name) => streams.stream(name), txLog, ledger: tangle, duration: options.duration, warmup },
  );
  workload.start();
  sim.run(options.duration);
  return { ledger: tangle, report: tangle.report(), txLog, sim };
}

/** Proof of work that takes no simulated time (a very fast device), so only h hides a transaction. */
export const INSTANT_POW = { hashRate: 1e15 };
