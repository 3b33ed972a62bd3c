// The fixed set of `dv2g bench` workloads, each at a full size and a reduced `--quick` size; one per
// ledger kind, from the kinds' descriptors (src/ledger/kinds.ts).

import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchEngine } from './engineBench.js';
import { calibrate } from './calibration.js';
import { LEDGER_KINDS } from '../ledger/kinds.js';
import { benchDayAhead, benchMarket, benchValleyFilling } from '../model/bench.js';
import { loadScenario, parseScenario } from '../scenario/load.js';
import { runScenario } from '../runner/runScenario.js';
import { simulateRun } from '../runner/simulateRun.js';
import { buildRunList } from '../scenario/runList.js';
import { SCENARIOS_DIR } from '../scenario/bundled.js';
import { timed } from '../timing/measurement.js';
import { setWorkerCompiles, type WorkerCompiles } from '../runner/compileOnOwnThread.js';
import { timeParallelCopies } from './parallelCopies.js';
import type { BenchWorkload, Measurement } from './measure.js';
import { median } from 'simple-statistics';

/** Rounds of the tangle-market workload's replays, each a market and a Poisson replay, the order alternating. */
const REPLAY_ROUNDS = 3;
/** Threads of the thread-compiles workload's run: more than Node's 4 background compiler threads. */
const COMPILING_THREADS = 16;

export const WORKLOADS: BenchWorkload[] = [
  {
    name: 'engine',
    threads: 1,
    description: 'kernel event loop vs a bare typed-array binary heap on the same hold-model schedule (ratio aim >= 0.7)',
    async run(quick) {
      const r = benchEngine(quick ? 2_000_000 : 5_000_000);
      return { speed: r.kernelEventsPerSecond, unit: 'events/s', ratio: r.ratio, ratioMeaning: 'kernel / bare heap', wallSeconds: r.events / r.kernelEventsPerSecond, details: { events: r.events, bareEventsPerSecond: Math.round(r.bareEventsPerSecond) } };
    },
  },
  ...LEDGER_KINDS.map((k): BenchWorkload => ({ name: k.kind, threads: 1, description: k.bench.description, run: k.bench.run })),
  {
    name: 'market',
    threads: 1,
    description: 'a day of negotiation and settlement for 100,000 EVs (quick: 10,000); speed in EV-days per second (not events/s: skipping no-op events must not read as a slow-down)',
    async run(quick) {
      const { value: r, seconds } = timed(() => benchMarket(quick ? 10_000 : 100_000));
      return { speed: r.evs / seconds, unit: 'EV-days/s', wallSeconds: seconds, details: { evs: r.evs, negotiations: r.negotiations, transactions: r.transactions, events: r.events, eventsPerSecond: Math.round(r.events / seconds) } };
    },
  },
  {
    name: 'day-ahead',
    threads: 1,
    description: 'the day-ahead optimum of a day for 100,000 EVs and 4 agents (quick: 10,000), relative gap 1e-9; aim under 60 s (quick: under 1 s)',
    async run(quick) {
      const r = benchDayAhead(quick ? 10_000 : 100_000);
      return { speed: r.evs / r.solveSeconds, unit: 'EVs/s', wallSeconds: r.solveSeconds, details: { evs: r.evs, sessions: r.sessions, worldSeconds: r.worldSeconds, iterations: r.iterations, gap: r.gap } };
    },
  },
  {
    name: 'valley-filling',
    threads: 1,
    description: 'Gan-Topcu-Low valley-filling charging plan of a day for 100,000 EVs and 4 agents (quick: 10,000); aim under 30 s',
    async run(quick) {
      const r = benchValleyFilling(quick ? 10_000 : 100_000);
      return { speed: r.evs / r.seconds, unit: 'EVs/s', wallSeconds: r.seconds, details: { evs: r.evs, sessions: r.sessions, rounds: r.rounds, converged: r.converged ? 1 : 0 } };
    },
  },
  {
    name: 'workers',
    threads: 2,
    description: 'speed-up of 4 replications from 1 to 2 worker threads, over the calibration loop\'s speed-up from 1 to 2 threads (aim >= 0.85 on 2 cores)',
    async run(quick) {
      const loaded = parseScenario(`name: bench-workers\nduration: ${quick ? '2h' : '6h'}\nreplications: 4\nworkload: {kind: poisson, rate: 50}\nledgers: [{kind: tangle}]\n`, 'bench-workers.yaml');
      return workersSpeedUp(loaded, 'speed-up from 1 to 2 workers / the calibration loop\'s from 1 to 2 threads');
    },
  },
  {
    name: 'split-run',
    threads: 2,
    description: 'one market run (a day, 100,000 EVs, 20 agents, LightChain; quick: 20,000 EVs) on 2 threads (--split 2) over the same run on 1, divided by the calibration loop\'s speed-up from 1 to 2 threads (aim: a raw speed-up >= 1.6 on 2 idle cores); details: the speed-up of two copies of the one-thread run at once, what the machine allows',
    async run(quick) {
      const evs = quick ? 20_000 : 100_000;
      const loaded = parseScenario(`name: bench-split\nseed: 3\nduration: 1d\nfleet: {size: ${evs}}\ngrid: {agents: 20}\nledgers: [{kind: lightchain}]\n`, 'bench-split.yaml');
      const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
      const scenario = loaded.points[0].scenario;
      const oneThreadCalibration = await calibrate(1);
      const one = timed(() => simulateRun(scenario, run, undefined, 1));
      const twoThreadsCalibration = await calibrate(2);
      const two = timed(() => simulateRun(scenario, run, undefined, 2));
      const events = one.value.metrics.events ?? 0;
      // What the machine allows: two copies of the one-thread run at once.
      const copiesSeconds = await timeParallelCopies(scenario, run, 2, events);
      const speedUp = one.seconds / two.seconds;
      const calibrationSpeedUp = twoThreadsCalibration / oneThreadCalibration;
      const copiesSpeedUp = (2 * one.seconds) / copiesSeconds;
      return {
        speed: events / two.seconds, unit: 'events/s', ratio: speedUp / calibrationSpeedUp,
        ratioMeaning: 'speed-up of one run from 1 to 2 threads / the calibration loop\'s from 1 to 2 threads',
        wallSeconds: one.seconds + two.seconds + copiesSeconds,
        details: { evs, oneThreadSeconds: one.seconds, twoThreadsSeconds: two.seconds, speedUp, calibrationSpeedUp, copiesSeconds, copiesSpeedUp, speedUpOfCopies: speedUp / copiesSpeedUp, events, cores: availableParallelism() },
      };
    },
  },
  {
    name: 'thread-compiles',
    threads: availableParallelism(),
    description: "one market run (a day, 100,000 EVs, 20 agents, LightChain; quick: 20,000 EVs) split over 16 threads, more than Node's 4 background compiler threads, its threads compiling on their own thread (dv2g's way) and in V8's background, alternated; ratio = background seconds / own-thread seconds, medians (aim > 1)",
    async run(quick) {
      const evs = quick ? 20_000 : 100_000;
      const loaded = parseScenario(`name: bench-thread-compiles\nseed: 3\nduration: 1d\nfleet: {size: ${evs}}\ngrid: {agents: 20}\nledgers: [{kind: lightchain}]\n`, 'bench-thread-compiles.yaml');
      const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
      const scenario = loaded.points[0].scenario;
      const timedWith = (where: WorkerCompiles) => {
        setWorkerCompiles(where);
        return timed(() => simulateRun(scenario, run, undefined, COMPILING_THREADS));
      };
      // Each round times both ways, the first way alternating, so that neither always runs first.
      const rounds = Array.from({ length: quick ? 2 : 3 }, (_, round) => {
        if (round % 2 === 0) {
          const own = timedWith('own thread');
          return { own, background: timedWith('background') };
        }
        const background = timedWith('background');
        return { own: timedWith('own thread'), background };
      });
      setWorkerCompiles('own thread');
      const ownSeconds = median(rounds.map((r) => r.own.seconds));
      const backgroundSeconds = median(rounds.map((r) => r.background.seconds));
      const events = rounds[0].own.value.metrics.events ?? 0;
      const sameMetrics = rounds.every((r) => JSON.stringify(r.own.value.metrics) === JSON.stringify(r.background.value.metrics));
      if (!sameMetrics) throw new Error('thread-compiles: the run gave other metrics when compiled the other way');
      return {
        speed: events / ownSeconds, unit: 'events/s', ratio: backgroundSeconds / ownSeconds, ratioMeaning: "seconds with V8's background compiles / with each thread compiling on its own (medians of alternated runs on 16 threads)",
        wallSeconds: rounds.reduce((t, r) => t + r.own.seconds + r.background.seconds, 0),
        details: { evs, threads: COMPILING_THREADS, ownSeconds, backgroundSeconds, rounds: rounds.length, events, cores: availableParallelism() },
      };
    },
  },
  {
    name: 'paper-sweep',
    threads: 2,
    description: "the paper's sweep (scenarios/dv2g-paper.yaml, 96 runs, result files and database, no report) on 2 workers over the same on 1, divided by the calibration loop's speed-up from 1 to 2 threads (aim: a raw speed-up >= 1.8 on 2 idle cores; quick: one replication at 1,000 and 4,000 EVs, 16 runs)",
    async run(quick) {
      const paper = loadScenario(join(SCENARIOS_DIR, 'dv2g-paper.yaml'), quick ? { replications: 1 } : {});
      // The quick size: the sweep's two smallest fleets, every ledger.
      const loaded = quick ? { ...paper, points: paper.points.slice(0, 2) } : paper;
      return workersSpeedUp(loaded, "speed-up of the paper's sweep from 1 to 2 workers / the calibration loop's from 1 to 2 threads");
    },
  },
  {
    name: 'tangle-market',
    threads: 1,
    description: "the tangle alone on a market day's settlement traffic (100,000 EVs, 20 agents; quick: 30,000), recorded from a run, against Poisson arrivals with the same count, mean rate, issuers and sizes, in one process: ratio = tx/s on the market's traffic / tx/s on Poisson (aim >= 1)",
    async run(quick) {
      const evs = quick ? 30_000 : 100_000;
      const loaded = parseScenario(`name: bench-tangle-market\nseed: 5\nduration: 1d\nfleet: {size: ${evs}}\ngrid: {agents: 20}\nledgers: [{kind: tangle}]\n`, 'bench-tangle-market.yaml');
      const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
      const { replayTangle, trafficOf, poissonLike } = await import('../ledger/tangle/trafficBench.js');
      const market = trafficOf(simulateRun(loaded.points[0].scenario, run).log);
      const poisson = poissonLike(market, 1);
      // A replay first, untimed, collects the market run's garbage; then the two alternate, each order in
      // turn, summarised by medians (one pair alone swung the quick ratio by a third).
      replayTangle(poisson, 1);
      const rounds = Array.from({ length: REPLAY_ROUNDS }, (_, round) => {
        const replay = (traffic: typeof market) => timed(() => replayTangle(traffic, 1));
        if (round % 2 === 0) {
          const onMarket = replay(market);
          return { onMarket, onPoisson: replay(poisson) };
        }
        const onPoisson = replay(poisson);
        return { onMarket: replay(market), onPoisson };
      });
      const marketSeconds = median(rounds.map((r) => r.onMarket.seconds));
      const poissonSeconds = median(rounds.map((r) => r.onPoisson.seconds));
      const { onMarket, onPoisson } = rounds[0];
      const transactions = onMarket.value.transactions;
      const span = transactions > 1 ? market.times[transactions - 1] - market.times[0] : 0;
      return {
        speed: transactions / marketSeconds, unit: 'tx/s', ratio: poissonSeconds / marketSeconds, ratioMeaning: 'tx/s on market traffic / tx/s on Poisson traffic at the same rate (medians of alternated replays)',
        wallSeconds: marketSeconds + poissonSeconds,
        details: { evs, transactions, meanRate: span > 0 ? transactions / span : 0, marketSeconds, poissonSeconds, rounds: REPLAY_ROUNDS, marketConfirmed: onMarket.value.confirmed, poissonConfirmed: onPoisson.value.confirmed },
      };
    },
  },
  {
    name: 'national',
    threads: availableParallelism(),
    description: 'a day of 1,000,000 EVs and 100 grid agents on the tangle, PoW and LightChain in turn, each run on all cores with its CSVs written, no report (quick: 50,000 EVs, 10 agents); aim under 60 s each and 4 GB peak on 2 cores',
    async run(quick) {
      const evs = quick ? 50_000 : 1_000_000;
      const agents = quick ? 10 : 100;
      const seconds: Record<string, number> = {};
      let events = 0;
      for (const kind of ['tangle', 'pow', 'lightchain']) {
        const loaded = parseScenario(`name: national-${kind}\nseed: 1\nduration: 1d\nfleet: {size: ${evs}}\ngrid: {agents: ${agents}}\nledgers: [{kind: ${kind}}]\n`, `national-${kind}.yaml`);
        const r = await timedRun(loaded, availableParallelism());
        seconds[`${kind}Seconds`] = r.seconds;
        events += r.events;
      }
      const total = Object.values(seconds).reduce((a, b) => a + b, 0);
      return { speed: (3 * evs) / total, unit: 'EV-days/s', wallSeconds: total, details: { evs, agents, ...seconds, events: Math.round(events), cores: availableParallelism() } };
    },
  },
  {
    name: 'end-to-end',
    threads: availableParallelism(),
    description: 'scenarios/scale-100k.yaml (100,000 EVs, a day, all ledger kinds) on all cores (quick: scenarios/quickstart.yaml)',
    async run(quick) {
      const loaded = loadScenario(join(SCENARIOS_DIR, quick ? 'quickstart.yaml' : 'scale-100k.yaml'));
      const r = await timedRun(loaded, availableParallelism());
      return { speed: r.events / r.seconds, unit: 'events/s', wallSeconds: r.seconds, details: { runs: r.runs, events: r.events } };
    },
  },
];

/**
 * `loaded` run whole on 1 worker, then on 2, each after the calibration loop timed on as many threads: speed in runs/s
 * on 2 workers, and the speed-up over the calibration loop's own from 1 to 2 threads (cores taken by other work slow both).
 */
async function workersSpeedUp(loaded: ReturnType<typeof parseScenario>, ratioMeaning: string): Promise<Measurement> {
  const oneThreadCalibration = await calibrate(1);
  const one = await timedRun(loaded, 1);
  const twoThreadsCalibration = await calibrate(2);
  const two = await timedRun(loaded, 2);
  const speedUp = one.seconds / two.seconds;
  const calibrationSpeedUp = twoThreadsCalibration / oneThreadCalibration;
  return { speed: two.runs / two.seconds, unit: 'runs/s', ratio: speedUp / calibrationSpeedUp, ratioMeaning, wallSeconds: one.seconds + two.seconds, details: { runs: two.runs, oneWorkerSeconds: one.seconds, twoWorkersSeconds: two.seconds, speedUp, calibrationSpeedUp, cores: availableParallelism() } };
}

async function timedRun(loaded: ReturnType<typeof parseScenario>, workers: number): Promise<{ seconds: number; events: number; runs: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'dv2g-bench-'));
  try {
    const started = performance.now();
    const summary = await runScenario(loaded, { outDir, workers });
    const seconds = (performance.now() - started) / 1000;
    if (summary.status !== 'complete') throw new Error(`bench run ${loaded.scenario.name} ended ${summary.status}`);
    const events = summary.manifest.runs.reduce((acc, r) => acc + (r.events_per_s ?? 0) * (r.wall_s ?? 0), 0);
    return { seconds, events, runs: summary.runs.length };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

