// Resource estimate of a loaded scenario, from the scenario alone: the run list's size and each run's
// peak memory (fleet, expected transactions, blocks, time-series buckets, market records), against
// the machine's memory for the runs that would be in memory at once. See README "Limits".

import { totalmem } from 'node:os';
import type { LoadedScenario } from './load.js';
import type { LedgerConfig, Scenario } from './schema.js';
import { buildRunList } from './runList.js';
import { DEFAULT_BUCKETS } from './limits.js';
import { ScenarioError } from './problems.js';
import { smpTiming } from '../ledger/lightchain/smp.js';

/**
 * Bytes per item, measured as peak RSS of one in-process market run (a day, 100 grid agents): per EV the
 * slope between 100,000 and 300,000 EVs on PoW (few settlements at its default fee), on one thread and
 * on two; per transaction the difference between LightChain or the tangle and PoW at 300,000 EVs
 * (4.7 million settlements; two measurements differed by 20%), the larger rounded up. The tangle's then dropped
 * by 60 B, as its RSS per transaction did (124 -> 84 B: 40 B fewer held, and no grown tails filled with -1s and
 * NaNs; scenarios/scale-100k.yaml on one worker peaked at 666 MB against 693 MB estimated); LightChain's (93-95 ->
 * 78 B) was left as it was.
 */
export const BYTES = {
  /** A worker thread's own heap and loaded modules. */
  worker: 64 * 2 ** 20,
  /** The main process (runtime, modules, run list, result writing). */
  main: 256 * 2 ** 20,
  /**
   * One EV: fleet, sessions, charging plan, day-ahead optimum, owners' accounts, settlement state, evs.csv row, by
   * charging policy (valley filling's plan keeps every session-interval's kWh; measured 1.10 KB on one thread, and
   * 0.44-0.76 KB under uncontrolled charging, which keeps a few numbers per session).
   */
  ev: { uncontrolled: 1100, 'valley-filling': 1600 } satisfies Record<Scenario['charging']['policy'], number>,
  /** One EV again in each further thread of a split run (each partition draws the whole fleet and its sessions). */
  evPerExtraThread: 400,
  /** One ledger transaction in the transaction log and the ledger, by ledger kind. */
  tx: { tangle: 200, pow: 160, lightchain: 150, pos: 160, poet: 160, pob: 160 } satisfies Record<LedgerConfig['kind'], number>,
  /** One block of a chain (header, links, transaction id list overhead). */
  block: 512,
  /** One time-series bucket row. */
  bucket: 200,
  /** One market record (one grid agent in one negotiation interval). */
  marketRecord: 250,
  /** One peer link of the network graph. */
  peerLink: 16,
} as const;

/** Hours a typical EV trades per day, measured: 12.2 settlements per EV-day at 15-minute periods. */
const TRADING_HOURS_PER_EV_DAY = 3.5;
/** Share of the machine's memory the runs may take (the rest is the system's and other programs'). */
const USABLE_SHARE = 0.8;

export interface ResourceEstimate {
  runs: number;
  /** Peak bytes of the largest run (its worker included). */
  runBytes: number;
  /** Runs in memory at once: the worker threads, at most one per run. */
  concurrent: number;
  /** Peak bytes with the largest `concurrent` runs at once, the main process included. */
  peakBytes: number;
  machineBytes: number;
  fits: boolean;
}

/** Transactions one run of `scenario` is expected to issue (market: EVs x settlements; poisson: rate x duration). */
export function expectedTransactions(scenario: Scenario): number {
  const { workload, duration } = scenario;
  if (workload.kind === 'poisson') return workload.rate * duration;
  const period = Math.max(scenario.market.settlement.period, scenario.market.interval);
  return scenario.fleet.size * (duration / 86_400) * ((TRADING_HOURS_PER_EV_DAY * 3600) / period);
}

/**
 * Transactions a run's log and ledger arrays are sized for at the start: the estimate with half again as many (a
 * 1,000,000-EV market day issued 15.1 million against 12.2 estimated). Growing them by doubling copied them each
 * time, on the run's own thread (a 1,000,000-EV tangle day: about 2.5 of its thread's 100 s); the pages past
 * the count are never written and take no memory.
 */
export function transactionCapacity(scenario: Scenario): number {
  return Math.min(MAX_TRANSACTION_CAPACITY, Math.ceil(1.5 * expectedTransactions(scenario)));
}

/** Ids of transactions are 32-bit integers; no array is sized beyond this at the start. */
const MAX_TRANSACTION_CAPACITY = 2 ** 28;

/**
 * Relative cost of one transaction to the ledger kinds, against a chain's (the tangle attaches each one
 * with a tip selection walk and a cumulative-weight update; measured in the paper's sweep at ~3x when set, about
 * 9x at 64,000 EVs since the market got cheaper). It also sets where a tangle run starts to be split
 * (SPLIT_MIN_WORK), which is right at 3: a schedule-only weight would be needed to raise it.
 */
const TX_WORK: Record<LedgerConfig['kind'], number> = { tangle: 3, pow: 1, lightchain: 1, pos: 1, poet: 1, pob: 1 };

/**
 * Work of flooding one block over one peer link, in the same units (an EV-interval): a link delay drawn and a
 * step of the flood's shortest-path search. Measured in the paper's sweep (a 200-node network of degree 8,
 * lognormal latencies): 89-102 ns a link on LightChain, PoS, PoET and PoB at 1,000 EVs, where flooding is
 * nearly all their work, against about 400 ns a unit of a 64,000-EV PoW day.
 */
const LINK_WORK = 0.25;

/**
 * The work of a run's market, in arbitrary units: the market world's EV-intervals (every plugged-in EV is
 * offered each interval) plus the expected transactions weighted by ledger kind. This is the part of a run
 * that splitting it over threads spreads (the ledger, and so its blocks' flooding, stays on one thread).
 */
export function marketWork(scenario: Scenario, ledger: LedgerConfig): number {
  const world = scenario.workload.kind === 'market' ? scenario.fleet.size * (scenario.duration / scenario.market.interval) : 0;
  return world + expectedTransactions(scenario) * TX_WORK[ledger.kind];
}

/**
 * A run's work in the same units, to schedule the longest runs first: its market's, plus flooding its
 * blocks over the peer graph. A chain with short blocks does that every few seconds whatever the fleet:
 * LightChain's 4.8-second blocks took 3 s of a 1,000-EV day, where PoW's 10-minute blocks took nothing.
 */
export function estimatedWork(scenario: Scenario, ledger: LedgerConfig): number {
  return marketWork(scenario, ledger) + expectedBlocks(scenario, ledger) * floodLinks(scenario.network) * LINK_WORK;
}

/**
 * Blocks a run on `ledger` is expected to make (none on the tangle): its duration over the mean block
 * interval, which on LightChain follows from the light-proof difficulty and the producers' hash rate unless
 * a target interval is given.
 */
export function expectedBlocks(scenario: Scenario, ledger: LedgerConfig): number {
  if (ledger.kind === 'tangle') return 0;
  if (ledger.kind === 'lightchain') {
    const producers = ledger.producers ?? scenario.network.nodes;
    // Validation guarantees the device is declared.
    return scenario.duration / smpTiming(ledger, producers, scenario.devices[ledger.producerDevice].hashRate).blockInterval;
  }
  return scenario.duration / ledger.blockInterval;
}

/** The peer links a flooded block is offered over: each node's own (every pair on a full graph). */
function floodLinks(network: Scenario['network']): number {
  return network.nodes * (network.topology === 'full' ? network.nodes - 1 : network.degree);
}

/**
 * Market work (marketWork) below which a market run is not worth splitting over threads: a day of about 18,000 EVs
 * on a chain (14,500 on the tangle, at its default settlement period), where a partition thread's start-up and its
 * copy of the world stop dominating. Measured on 2 cores, a tangle day on 1 thread and on 2: 9,000 EVs 0.82-0.93
 * against 0.93-0.97 s, 14,000 EVs 1.17-1.18 against 1.06-1.09 s.
 */
export const SPLIT_MIN_WORK = 2_000_000;

/**
 * Threads a run takes when `idle` threads are free and `waiting` runs still wait after it: 1, or for a
 * market run of at least `minWork` an equal share of the idle threads with the waiting runs (each of
 * which takes at least one), at most one per grid agent.
 */
export function autoSplitThreads(scenario: Scenario, ledger: LedgerConfig, idle: number, waiting: number, minWork = SPLIT_MIN_WORK): number {
  if (scenario.workload.kind !== 'market' || marketWork(scenario, ledger) < minWork) return 1;
  return Math.max(1, Math.min(scenario.grid.agents, Math.floor(idle / (waiting + 1))));
}

/** Peak bytes of one run of `scenario` on `ledger` over `threads` threads (each partition holds the whole world), its worker threads included. */
export function runBytes(scenario: Scenario, ledger: LedgerConfig, threads = 1): number {
  const { duration, fleet, grid, network, market, outputs } = scenario;
  const buckets = outputs.timeseriesInterval === undefined ? DEFAULT_BUCKETS : duration / outputs.timeseriesInterval;
  const marketRecords = scenario.workload.kind === 'market' ? (duration / market.interval) * grid.agents : 0;
  const blocks = expectedBlocks(scenario, ledger);
  return (
    threads * BYTES.worker +
    fleet.size * (BYTES.ev[scenario.charging.policy] + (threads - 1) * BYTES.evPerExtraThread) +
    expectedTransactions(scenario) * BYTES.tx[ledger.kind] +
    blocks * BYTES.block +
    buckets * BYTES.bucket +
    marketRecords * BYTES.marketRecord +
    network.nodes * (network.degree + 1) * BYTES.peerLink
  );
}

/**
 * The estimate for running `loaded` on `workers` threads (at most one per run) on a machine with `machineBytes`;
 * `split`: an explicit --split (threads per market run), else the share `--workers` gives a large run.
 */
export function estimateResources(loaded: LoadedScenario, workers: number, machineBytes = totalmem(), split?: number): ResourceEstimate {
  const { scenario, points } = loaded;
  const runList = buildRunList(points, scenario.seed, scenario.replications);
  // A split run holds a copy of the per-EV arrays per thread: an explicit --split, or with fewer runs than
  // workers the idle threads a large market run takes.
  const threads = (p: Scenario, l: LedgerConfig): number => {
    if (p.workload.kind !== 'market') return 1;
    if (split !== undefined) return Math.max(1, Math.min(split, p.grid.agents));
    return runList.length < workers ? autoSplitThreads(p, l, workers, runList.length - 1) : 1;
  };
  const sizes = points.map((p) => p.scenario.ledgers.map((l) => runBytes(p.scenario, l, threads(p.scenario, l))));
  const runs = runList.map((r) => sizes[r.point][r.ledgerIndex]);
  runs.sort((a, b) => b - a);
  const concurrent = Math.max(1, Math.min(workers, runs.length));
  const peakBytes = BYTES.main + runs.slice(0, concurrent).reduce((sum, bytes) => sum + bytes, 0);
  return { runs: runs.length, runBytes: runs[0] ?? 0, concurrent, peakBytes, machineBytes, fits: peakBytes <= USABLE_SHARE * machineBytes };
}

/** One line: runs, peak memory per run and for the workers at once, against the machine's memory. */
export function describeEstimate(e: ResourceEstimate): string {
  return `${e.runs} runs; estimated peak memory ${bytes(e.runBytes)} per run, ${bytes(e.peakBytes)} with ${e.concurrent} worker(s) at once; this machine has ${bytes(e.machineBytes)}`;
}

/** Refuses (a ScenarioError, exit 2) a scenario whose estimate does not fit, unless `force`. */
export function checkResources(file: string, e: ResourceEstimate, force: boolean): void {
  if (e.fits || force) return;
  throw new ScenarioError([{
    file,
    path: '',
    message: `would not fit in memory: ${describeEstimate(e)} (at most ${Math.round(USABLE_SHARE * 100)}% usable); use fewer --workers, a smaller scenario, or --force to run it anyway`,
  }]);
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(n >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}
