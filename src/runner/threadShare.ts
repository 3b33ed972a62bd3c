// How many threads each run gets under `--workers N`: runs are spread over the threads first; a large
// market run that starts while threads would stay idle takes its share of them (a split run,
// docs/parallel.md). Its results do not depend on the share.

import { autoSplitThreads, SPLIT_MIN_WORK } from '../scenario/estimate.js';
import type { RunTask } from './executeRun.js';

/** Threads for `task` when `idle` threads are free and `waiting` tasks still wait after it: its explicit `split`, else autoSplitThreads. */
export function threadShare(task: RunTask, idle: number, waiting: number, minWork = SPLIT_MIN_WORK): number {
  if (task.split !== undefined) return task.split;
  return autoSplitThreads(task.scenario, task.scenario.ledgers[task.run.ledgerIndex], idle, waiting, minWork);
}
