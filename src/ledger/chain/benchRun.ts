// Shared driver of the chain benchmarks (for `dv2g bench`): one ledger on a peer network under Poisson
// transactions for a simulated duration; dv2g bench times it. Returns events and what the chain did.
// Every chain kind's bench is a day on a 1,000-node network (quick: 200 nodes) at 10 tx/s.

import { Simulation } from '../../engine/simulation.js';
import { RngStreams, exponential } from '../../engine/rng.js';
import { TxLog } from '../../metrics/txLog.js';
import { networkSchema } from '../../scenario/schema.js';
import type { Ledger, LedgerContext } from '../ledger.js';
import { defaultDevices } from '../../devices/deviceModel.js';
import { timed, type Measurement } from '../../timing/measurement.js';

export interface ChainBenchResult {
  nodes: number;
  simulatedSeconds: number;
  events: number;
  transactions: number;
  confirmed: number;
  blocks: number;
}

const ISSUERS = 100;
const TX_BYTES = 250;
/** Grid agents of the benchmark world (the default of grid.agents). */
const BENCH_AGENTS = 4;

export function benchChain(create: (ctx: LedgerContext) => Ledger, nodes: number, duration: number, rate: number, seed: number): ChainBenchResult {
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const txLog = new TxLog();
  const network = networkSchema.parse({ nodes });
  const ledger = create({ sim, stream: (name) => streams.stream(`ledger.${name}`), txLog, network, duration, warmup: 0, device: defaultDevices(), agents: BENCH_AGENTS });
  const arrivals = streams.stream('bench.arrivals');
  const issuers = streams.stream('bench.issuers');
  const arrive = sim.register(() => {
    ledger.submit(txLog.add(Math.floor(issuers() * ISSUERS), TX_BYTES, 1, ledger.feeFor(TX_BYTES), sim.now));
    sim.schedule(exponential(arrivals, 1 / rate), arrive);
  });
  sim.schedule(exponential(arrivals, 1 / rate), arrive);
  sim.run(duration);
  const report = ledger.report();
  return {
    nodes,
    simulatedSeconds: duration,
    events: sim.events,
    transactions: txLog.count,
    confirmed: txLog.confirmations,
    blocks: Number(report.extra?.blocks_found ?? 0),
  };
}

const DAY = 86_400;
const RATE = 10;

/** Times a chain kind's day on 1,000 nodes (quick: 200) at 10 tx/s, as events per wall second. */
export function measureChainDay(create: (ctx: LedgerContext) => Ledger, quick: boolean, seed = 1): Measurement {
  const { value: r, seconds } = timed(() => benchChain(create, quick ? 200 : 1000, DAY, RATE, seed));
  return { speed: r.events / seconds, unit: 'events/s', wallSeconds: seconds, details: { nodes: r.nodes, events: r.events, transactions: r.transactions, blocks: r.blocks, simulatedPerWallSecond: Math.round(r.simulatedSeconds / seconds) } };
}
