// How a market run is laid out over threads (partitions of grid agents, and whether the ledger keeps the run's
// thread), and the warnings for a --split that cannot take effect as asked (too few agents, or no market runs).

import type { Scenario } from '../../scenario/schema.js';
import type { RunSpec } from '../../scenario/runList.js';
import type { LoadedScenario } from '../../scenario/load.js';
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
 * split, and a market run has at most one partition per grid agent. One line per sweep point concerned.
 */
export function splitWarnings(loaded: LoadedScenario, split: number): string[] {
  if (split <= 1) return [];
  const warnings: string[] = [];
  for (const point of loaded.points) {
    const { scenario } = point;
    const where = atSweepPoint(loaded, point);
    if (scenario.workload.kind !== 'market') {
      warnings.push(`--split ${split} has no effect on the runs of ${loaded.file}${where}: only market runs are split (workload.kind is ${scenario.workload.kind})`);
      continue;
    }
    const { agents } = scenario.grid;
    if (scenario.ledgers.every((ledger) => partitionsAsked(ledger, split) <= agents)) continue;
    const outcome = agents === 1 ? 'its runs are not split' : `its runs are split into ${agents} partitions`;
    warnings.push(`--split ${split}: ${loaded.file} has grid.agents ${agents}${where}, and a run has at most one partition per grid agent, so ${outcome}`);
  }
  return warnings;
}
