// Resource estimate of a loaded scenario, from the scenario alone: the run list's size and each run's
// peak memory (fleet, expected transactions, blocks, time-series buckets, market records), against
// the machine's memory for the runs that would be in memory at once, and for the result files and
// report made after them. See README "Memory: how it grows, and where the limit is".

import { totalmem } from 'node:os';
import type { LoadedScenario } from './load.js';
import type { LedgerConfig, Scenario } from './schema.js';
import { buildRunList } from './runList.js';
import { DEFAULT_BUCKETS } from './limits.js';
import { ScenarioError } from './problems.js';
import { smpTiming } from '../ledger/lightchain/smp.js';

/**
 * Bytes per item, fitted to the peak RSS of whole `dv2g run`s (round 30: days of 300,000 and 1,000,000 EVs with
 * 100 grid agents on 1, 2, 8 and 16 threads without the report, and the bundled scenarios with and without it),
 * then rounded up. Per EV, the slope on PoW (few settlements at its default fee): 790 B on one thread, 850 B on two;
 * 270 B more with valley filling. Per further thread of a split run: about 20 MiB and 40-60 B per EV. Per expected
 * transaction, the difference from PoW: the tangle 104 B per issued transaction (7% more are issued than expected),
 * LightChain 59-69 B. PoW's settlements, a twentieth of a fee-less ledger's, are counted as if its fee did not thin
 * them. So the estimates err high: 1.17-1.45x on the fee-less ledgers, 2.2-3.5x on PoW, 1.08-1.9x for the bundled
 * scenarios. The 1,000,000-EV days, MiB measured / estimated: on 2 threads PoW 1,025 / 3,362, the tangle 2,432 / 2,962,
 * LightChain 2,015 / 2,566; on 16 threads 1,822 / 4,889, 3,559 / 4,488, 3,065 / 4,093 (the estimates before counted
 * 400 B per EV and further thread, and no report: 10,190, 10,724 and 10,061 MiB on 16 threads, and the paper's sweep
 * on one worker 558 MiB where it peaks at 1,167 MiB while its report is made).
 */
export const BYTES = {
  /** A worker thread's own heap and loaded modules. */
  worker: 48 * 2 ** 20,
  /** The main process (runtime, modules, run list, DuckDB's library; 240 MiB for the quickstart's 10 small runs without the report). */
  main: 256 * 2 ** 20,
  /**
   * One EV: fleet, sessions, charging plan, day-ahead optimum, owners' accounts, settlement state, evs.csv row, by
   * charging policy (valley filling's plan keeps every session-interval's kWh, 270 B; uncontrolled charging keeps
   * a few numbers per session).
   */
  ev: { uncontrolled: 850, 'valley-filling': 1150 } satisfies Record<Scenario['charging']['policy'], number>,
  /** One EV again in each further thread of a split run (the arrays each partition keeps for every EV, and its own EVs' pages). */
  evPerExtraThread: 64,
  /** One expected ledger transaction in the transaction log and the ledger, by ledger kind (PoW, PoS, PoET and PoB unmeasured since round 17). */
  tx: { tangle: 130, pow: 160, lightchain: 100, pos: 160, poet: 160, pob: 160 } satisfies Record<LedgerConfig['kind'], number>,
  /** One block of a chain (header, links, transaction id list overhead). */
  block: 512,
  /** One time-series bucket row. */
  bucket: 200,
  /** One market record (one grid agent in one negotiation interval). */
  marketRecord: 250,
  /** One peer link of the network graph. */
  peerLink: 16,
  /**
   * Once the runs have ended, per row of evs.csv and transactions.csv in all: DuckDB building results.duckdb and the
   * Parquet files (the paper's sweep, 2.1 million evs rows: 0.52-0.54 GB), up to `database`.
   */
  resultRow: 256,
  /** DuckDB's most, under its memory limit (DATABASE_MEMORY_LIMIT, 512 MB: 10 million rows took 0.71-0.79 GB on 2 to 16 threads). */
  database: 896 * 2 ** 20,
  /**
   * The report, built while the database is: its charts rendered to PNG several at once, each EV's net benefit read
   * (by a DuckDB of its own). Measured, with the report and without: the charging baselines' 16 small runs, 14 charts,
   * 545-560 MiB against 262 MiB; the paper's sweep (2.1 million EVs) 1,167-1,194 MiB against 644 MiB (under DuckDB's
   * limit 1,095 against 619 MiB).
   */
  report: 384 * 2 ** 20,
  /** The report again per row of the results (see `report`). */
  reportRow: 128,
} as const;

/** Hours a typical EV trades per day: 14 settlements per EV-day at 15-minute periods (first measured at 12.2; a fee-less ledger issued 15.1 per EV-day in round 30). */
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
  runsBytes: number;
  /** Peak bytes once the runs have ended, while the database (and the report, if built) are made. */
  resultsBytes: number;
  /** The larger of the two. */
  peakBytes: number;
  /** Whether the report is counted (built after the runs). */
  report: boolean;
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
 * 1,000,000-EV market day issued 15.1 million against 14 estimated). Growing them by doubling copied them each
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
export function estimateResources(loaded: LoadedScenario, workers: number, machineBytes = totalmem(), split?: number, report = loaded.scenario.outputs.report): ResourceEstimate {
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
  const runsBytes = BYTES.main + runs.slice(0, concurrent).reduce((sum, bytes) => sum + bytes, 0);
  const rows = runList.reduce((sum, r) => sum + resultRows(points[r.point].scenario), 0);
  const resultsBytes = BYTES.main + Math.min(rows * BYTES.resultRow, BYTES.database) + (report ? BYTES.report + rows * BYTES.reportRow : 0);
  const peakBytes = Math.max(runsBytes, resultsBytes);
  return { runs: runs.length, runBytes: runs[0] ?? 0, concurrent, runsBytes, resultsBytes, peakBytes, report, machineBytes, fits: peakBytes <= USABLE_SHARE * machineBytes };
}

/** Rows one run adds to the tables that grow with it: evs.csv (a market run's EVs) and transactions.csv, where written. */
function resultRows(scenario: Scenario): number {
  return (scenario.workload.kind === 'market' ? scenario.fleet.size : 0) + (scenario.outputs.transactions ? expectedTransactions(scenario) : 0);
}

/** One line: runs, peak memory per run, for the workers at once and while the result files are written, against the machine's memory. */
export function describeEstimate(e: ResourceEstimate): string {
  return `${e.runs} runs; estimated peak memory ${bytes(e.runBytes)} per run, ${bytes(e.runsBytes)} with ${e.concurrent} worker(s) at once, ${bytes(e.resultsBytes)} while the result files are written; this machine has ${bytes(e.machineBytes)}`;
}

/** Refuses (a ScenarioError, exit 2) a scenario whose estimate does not fit, unless `force`. */
export function checkResources(file: string, e: ResourceEstimate, force: boolean): void {
  if (e.fits || force) return;
  throw new ScenarioError([{
    file,
    path: '',
    message: `would not fit in memory: ${describeEstimate(e)} (at most ${Math.round(USABLE_SHARE * 100)}% usable); use ${e.runsBytes >= e.resultsBytes ? 'fewer --workers, ' : e.report ? '--no-report, ' : ''}a smaller scenario, or --force to run it anyway`,
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
