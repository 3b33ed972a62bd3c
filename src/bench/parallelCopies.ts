// What this machine allows a run split over 2 threads: the same one-thread run twice at once, on two worker
// threads, against once alone. Two copies share the cores, caches and memory as two partitions do, and each
// copy's compiles and collection, which a lone run leaves to an idle core, now take a busy core's time.

import { compileOnOwnThread } from '../runner/compileOnOwnThread.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunSpec } from '../scenario/runList.js';
import { runTogether, type TogetherTask } from './startTogether.js';

/** One copy's task: the run on one thread, started once all `copies` copies are ready to start. */
export interface CopyTask extends TogetherTask {
  scenario: Scenario;
  run: RunSpec;
  copies: number;
}

/** One copy's answer: its seconds and the events its run counted (the same in every copy). */
export interface CopyTiming {
  seconds: number;
  events: number;
}

/**
 * Seconds of `copies` one-thread runs of `run` at once, each on a worker thread of its own that compiles on its own
 * thread, as a split run's partitions do (two copies of a 100,000-EV day on 2 cores: 1.71-1.81x one run's speed so,
 * 1.59-1.67x compiling in V8's background): the slowest copy's seconds, each timed from the moment all are ready; throws if
 * a copy's run counted other events than `events`, the run's own.
 */
export async function timeParallelCopies(scenario: Scenario, run: RunSpec, copies: number, events: number): Promise<number> {
  compileOnOwnThread();
  const timings = await runTogether<CopyTask, CopyTiming>('bench/copyWorker', { scenario, run, copies }, copies);
  const other = timings.find((copy) => copy.events !== events);
  if (other) throw new Error(`a copy of the run counted ${other.events} events, not ${events}`);
  return Math.max(...timings.map((copy) => copy.seconds));
}
