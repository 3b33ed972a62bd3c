// The tangle alone on recorded traffic (a market run's submissions: their times, issuers and sizes) and on
// Poisson arrivals with the same count, mean rate, issuers and sizes, for `dv2g bench`: does settlement
// traffic cost the tangle more per transaction than Poisson traffic at the same rate?

import { Simulation } from '../../engine/simulation.js';
import { RngStreams, exponential } from '../../engine/rng.js';
import { TxLog } from '../../metrics/txLog.js';
import { networkSchema } from '../../scenario/schema.js';
import { defaultDevices } from '../../devices/deviceModel.js';
import { tangleSchema } from './schema.js';
import { TangleLedger } from './tangleLedger.js';

/** Submissions in time order. */
export interface Traffic {
  times: Float64Array;
  issuers: Int32Array;
  sizes: Int32Array;
}

export interface ReplayResult {
  transactions: number;
  confirmed: number;
  events: number;
}

/** The submissions a run's transaction log holds (a market run logs them in time order). */
export function trafficOf(log: TxLog): Traffic {
  return {
    times: log.submittedAt.slice(0, log.count),
    issuers: log.issuer.slice(0, log.count),
    sizes: log.sizeBytes.slice(0, log.count),
  };
}

/** The same issuers and sizes in the same order, at Poisson times with the same mean rate over the same span. */
export function poissonLike(traffic: Traffic, seed: number): Traffic {
  const n = traffic.times.length;
  const first = n > 0 ? traffic.times[0] : 0;
  const span = n > 1 ? traffic.times[n - 1] - first : 1;
  const rate = n / Math.max(span, 1e-9);
  const arrivals = new RngStreams(seed).stream('bench.poisson');
  const times = new Float64Array(n);
  let t = first;
  for (let i = 0; i < n; i++) times[i] = t += exponential(arrivals, 1 / rate);
  return { times, issuers: traffic.issuers, sizes: traffic.sizes };
}

/** A tangle with its default settings (mcmc, alpha 0.01) on the default network, for the bench workloads. */
export function benchTangleLedger(sim: Simulation, streams: RngStreams, txLog: TxLog, duration: number): TangleLedger {
  return new TangleLedger(tangleSchema.parse({ kind: 'tangle' }), {
    sim,
    stream: (name) => streams.stream(`ledger.${name}`),
    txLog,
    network: networkSchema.parse({}),
    duration,
    warmup: 0,
    device: defaultDevices(),
    agents: 1,
  });
}

/** Feeds `traffic` to a tangle with its default settings (mcmc) and runs it until every submission is made and settled. */
export function replayTangle(traffic: Traffic, seed: number): ReplayResult {
  const n = traffic.times.length;
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const txLog = new TxLog();
  const duration = n > 0 ? traffic.times[n - 1] : 0;
  const ledger = benchTangleLedger(sim, streams, txLog, duration);
  let next = 0;
  const submit = sim.register(() => {
    ledger.submit(txLog.add(traffic.issuers[next], traffic.sizes[next], 1, 0, sim.now));
    next++;
    if (next < n) sim.at(traffic.times[next], submit);
  });
  if (n > 0) sim.at(traffic.times[0], submit);
  sim.run();
  ledger.report();
  return { transactions: txLog.count, confirmed: txLog.confirmations, events: sim.events };
}
