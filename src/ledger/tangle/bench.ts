// Speed benchmark of the tangle alone (for `dv2g bench`): Poisson arrivals at 100 tx/s through weighted
// mcmc (alpha = 0.01) until `transactions` have been submitted; dv2g bench times it. Returns what the run did.

import { Simulation } from '../../engine/simulation.js';
import { RngStreams, exponential } from '../../engine/rng.js';
import { TxLog } from '../../metrics/txLog.js';
import { benchTangleLedger } from './trafficBench.js';
import { timed, type Measurement } from '../../timing/measurement.js';

export interface TangleBenchResult {
  transactions: number;
  events: number;
  confirmed: number;
}

const RATE = 100;
const ISSUERS = 100;
const TX_BYTES = 250;

export function benchTangle(transactions: number, seed = 1): TangleBenchResult {
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const txLog = new TxLog();
  const duration = transactions / RATE;
  const ledger = benchTangleLedger(sim, streams, txLog, duration);
  const arrivals = streams.stream('bench.arrivals');
  const issuers = streams.stream('bench.issuers');
  const arrive = sim.register(() => {
    ledger.submit(txLog.add(Math.floor(issuers() * ISSUERS), TX_BYTES, 1, 0, sim.now));
    if (txLog.count < transactions) sim.schedule(exponential(arrivals, 1 / RATE), arrive);
  });
  sim.schedule(exponential(arrivals, 1 / RATE), arrive);
  sim.run();
  ledger.report();
  return { transactions: txLog.count, events: sim.events, confirmed: txLog.confirmations };
}

/** The `dv2g bench` workload: 1,000,000 transactions (quick: 100,000), as transactions per wall second. */
export function measureTangle(quick: boolean): Measurement {
  const { value: r, seconds } = timed(() => benchTangle(quick ? 100_000 : 1_000_000));
  return { speed: r.transactions / seconds, unit: 'tx/s', wallSeconds: seconds, details: { transactions: r.transactions, confirmed: r.confirmed, events: r.events } };
}
