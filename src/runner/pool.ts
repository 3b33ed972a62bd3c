// Executes runs on a piscina worker pool (or in-process for one worker or one run, unless a signal may have to
// stop a long one), reporting each result as it arrives; a large market run takes the threads other runs leave
// idle (threadShare.ts). Workers load the compiled worker.js, or worker.ts through tsx when running from source (tests).

import { Piscina } from 'piscina';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import { executeRun, type RunProgress, type RunResult, type RunTask } from './executeRun.js';
import type { WorkerTask } from './worker.js';
import { loaderFlags, projectModule } from './sourceMode.js';
import { threadShare } from './threadShare.js';
import { estimatedWork, SPLIT_MIN_WORK } from '../scenario/estimate.js';
import { compileOnOwnThread } from './compileOnOwnThread.js';

export interface ExecuteOptions {
  workers: number;
  signal?: AbortSignal;
  onResult(result: RunResult): void;
  /** Hears each running run's progress about once a second. */
  onRunProgress?(progress: RunProgress): void;
  /** Estimated work from which a run may be split over idle threads (default SPLIT_MIN_WORK). */
  splitMinWork?: number;
  /** Estimated work from which a run that `signal` may stop leaves the main thread (default OFF_MAIN_THREAD_WORK). */
  offMainThreadWork?: number;
}

/**
 * Estimated work (estimatedWork) from which a run goes to a worker thread even where it could run on the main
 * thread (one worker, or one run), when a signal may stop it. A run on the main thread blocks it until the run
 * ends, so Ctrl-C and SIGTERM would wait for the run (a national day: a minute; Slurm kills 30 s after its
 * SIGTERM) and a second signal could not quit. On a worker the main thread hears them at once and ends the run
 * by ending its thread. About a second of work, so the thread's start (a tenth of a second) stays small beside it.
 */
export const OFF_MAIN_THREAD_WORK = SPLIT_MIN_WORK;

/** Whether `tasks` run on the main thread: one worker or one run, and nothing long that `signal` would wait for. */
function runsInProcess(tasks: readonly RunTask[], options: ExecuteOptions): boolean {
  if (options.workers > 1 && tasks.length > 1) return false;
  if (!options.signal) return true;
  const limit = options.offMainThreadWork ?? OFF_MAIN_THREAD_WORK;
  return tasks.every((task) => estimatedWork(task.scenario, task.scenario.ledgers[task.run.ledgerIndex]) < limit);
}

export async function executeRuns(tasks: RunTask[], options: ExecuteOptions): Promise<void> {
  if (runsInProcess(tasks, options)) {
    // In-process: one worker, or one run (which may take every worker's thread for its partitions).
    for (const [i, task] of tasks.entries()) {
      if (options.signal?.aborted) return;
      const threads = threadShare(task, options.workers, tasks.length - 1 - i, options.splitMinWork);
      options.onResult(executeRun({ ...task, split: threads }, options.onRunProgress));
      await yieldToEventLoop();
    }
    return;
  }
  compileOnOwnThread();
  const pool = new Piscina({
    filename: projectModule('runner/worker').href,
    execArgv: loaderFlags(),
    minThreads: Math.min(options.workers, tasks.length),
    maxThreads: options.workers,
    idleTimeout: 1000,
    concurrentTasksPerWorker: 1,
  });
  const destroy = once(() => pool.destroy());
  const abort = () => void destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  const runOne = async (task: RunTask, threads: number): Promise<void> => {
    const channel = new MessageChannel();
    channel.port1.on('message', (progress: RunProgress) => options.onRunProgress?.(progress));
    try {
      const workerTask: WorkerTask = { ...task, split: threads, progressPort: channel.port2 };
      options.onResult((await pool.run(workerTask, { transferList: [channel.port2] })) as RunResult);
    } catch (error) {
      if (!options.signal?.aborted) options.onResult({ runId: task.run.runId, ok: false, events: 0, wallSeconds: 0, error: (error as Error).stack ?? String(error) });
    } finally {
      channel.port1.close();
    }
  };
  try {
    // Tasks start in order while threads are free; each takes threadShare() of them until it ends.
    const queue = [...tasks];
    let busy = 0;
    await new Promise<void>((resolve) => {
      const startMore = (): void => {
        while (queue.length > 0 && busy < options.workers && !options.signal?.aborted) {
          const task = queue.shift()!;
          const threads = threadShare(task, options.workers - busy, queue.length, options.splitMinWork);
          busy += threads;
          void runOne(task, threads).finally(() => {
            busy -= threads;
            startMore();
          });
        }
        if (busy === 0) resolve();
      };
      startMore();
    });
  } finally {
    options.signal?.removeEventListener('abort', abort);
    // The same destruction the abort started: piscina's second destroy() returns at once, before the first has
    // seen the threads exit, and a thread still finishing a run could then write into the store after the caller
    // swept its temporary files and checked what it holds.
    await destroy();
  }
}

/** `start` called once: every call returns the promise of its first. */
export function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= start());
}
