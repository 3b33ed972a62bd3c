// How many threads each run gets under `--workers N`: runs are spread over the threads first; a large
// market run that starts while threads would stay idle takes its share of them (a split run,
// docs/parallel.md). Its results do not depend on the share.

import { estimatedWork } from '../scenario/estimate.js';
import type { RunTask } from './executeRun.js';

/**
 * Estimated work (src/scenario/estimate.ts units) below which a run is not worth splitting: about a
 * 20,000-EV day, where a partition thread's start-up and its copy of the world stop dominating.
 */
export const SPLIT_MIN_WORK = 2_000_000;

/**
 * Threads for `task` when `idle` threads are free and `waiting` tasks still wait after it: its explicit
 * `split` if it has one; else 1, or for a large market run an equal share of the idle threads with the
 * waiting runs (each of which takes at least one), at most one per grid agent.
 */
export function threadShare(task: RunTask, idle: number, waiting: number, minWork = SPLIT_MIN_WORK): number {
  if (task.split !== undefined) return task.split;
  const { scenario } = task;
  if (scenario.workload.kind !== 'market' || estimatedWork(scenario, scenario.ledgers[task.run.ledgerIndex]) < minWork) return 1;
  return Math.max(1, Math.min(scenario.grid.agents, Math.floor(idle / (waiting + 1))));
}
