// How a market run is laid out over threads (partitions of grid agents, and whether the ledger keeps the run's
// thread), and the warnings for a --split that cannot take effect as asked (too few agents, or no market runs).

import type { Scenario } from '../../scenario/schema.js';
import type { RunSpec } from '../../scenario/runList.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { SweepPoint } from '../../scenario/sweep.js';
import { atSweepPoint } from '../../scenario/warnings.js';

/**
 * Ledger kinds whose ledger, driven by the run's own thread, is about as much work as the market: a run of
 * theirs on several threads keeps one of them for it. Measured on 2 cores, a 1,000,000-EV day on the tangle: 67 s
 * with one partition thread beside the ledger's against 75 s with two (300,000 EVs: 19.5-20.6 s against
 * 21.3-23.2 s); on LightChain two partitions stay faster (14.7 s against 20.8 s at 300,000 EVs).
 */
const LEDGER_TAKES_A_THREAD: ReadonlySet<string> = new Set(['tangle']);

/** Partitions a run on `ledger` is cut into on `threads` threads before the cap of one per grid agent. */
function partitionsAsked(ledger: Scenario['ledgers'][number], threads: number): number {
  return threads > 1 && LEDGER_TAKES_A_THREAD.has(ledger.kind) ? threads - 1 : threads;
}

/**
 * Partitions of a market run on `threads` threads (at most one per grid agent), and whether they run on worker
 * threads (ahead of the ledger, which this thread drives) or one runs here: one thread runs one partition here; on
 * more, every thread carries a partition, except that a ledger in LEDGER_TAKES_A_THREAD keeps this one.
 */
export function partitionLayout(scenario: Scenario, run: RunSpec, threads: number): { count: number; workerThreads: boolean } {
  const asked = partitionsAsked(scenario.ledgers[run.ledgerIndex], threads);
  return { count: Math.max(1, Math.min(asked, scenario.grid.agents)), workerThreads: threads > 1 };
}

/**
 * Why `--split N` will not cut some runs of `loaded` into the partitions it asks for: a Poisson run is never
 * split, and a market run has at most one partition per grid agent. One line per reason, naming the sweep
 * points concerned unless it is all of them.
 */
export function splitWarnings(loaded: LoadedScenario, split: number): string[] {
  if (split <= 1) return [];
  const concerned = new Map<string, SweepPoint[]>();
  for (const point of loaded.points) {
    const reason = splitShortfall(loaded.file, point.scenario, split);
    if (reason !== undefined) concerned.set(reason, [...(concerned.get(reason) ?? []), point]);
  }
  return [...concerned].map(([reason, points]) => {
    if (points.length === loaded.points.length) return reason;
    return points.length === 1 ? `${reason}${atSweepPoint(loaded, points[0])}` : `${reason} (at sweep points ${points.map((p) => p.index).join(', ')})`;
  });
}

/** Why the runs of one scenario (a sweep point's) will not take the `split` partitions asked for, or undefined. */
function splitShortfall(file: string, scenario: Scenario, split: number): string | undefined {
  if (scenario.workload.kind !== 'market') return `--split ${split} has no effect on the runs of ${file}: only market runs are split (workload.kind is ${scenario.workload.kind})`;
  const { agents } = scenario.grid;
  if (scenario.ledgers.every((ledger) => partitionsAsked(ledger, split) <= agents)) return undefined;
  const outcome = agents === 1 ? 'its runs are not split' : `its runs are split into ${agents} partitions`;
  return `--split ${split}: ${file} has grid.agents ${agents}, and a run has at most one partition per grid agent, so ${outcome}`;
}
