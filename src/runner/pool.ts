// Executes runs on a piscina worker pool (or in-process for one worker), reporting each result as it
// arrives. Workers load the compiled worker.js, or worker.ts through tsx when running from source (tests).

import { Piscina } from 'piscina';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import { executeRun, type RunProgress, type RunResult, type RunTask } from './executeRun.js';
import type { WorkerTask } from './worker.js';
import { loaderFlags, siblingModule } from './sourceMode.js';

export interface ExecuteOptions {
  workers: number;
  signal?: AbortSignal;
  onResult(result: RunResult): void;
  /** Hears each running run's progress about once a second. */
  onRunProgress?(progress: RunProgress): void;
}

export async function executeRuns(tasks: RunTask[], options: ExecuteOptions): Promise<void> {
  if (options.workers <= 1) {
    for (const task of tasks) {
      if (options.signal?.aborted) return;
      options.onResult(executeRun(task, options.onRunProgress));
      await yieldToEventLoop();
    }
    return;
  }
  const pool = new Piscina({
    filename: siblingModule('worker', import.meta.url).href,
    execArgv: loaderFlags(),
    minThreads: Math.min(options.workers, tasks.length),
    maxThreads: options.workers,
    idleTimeout: 1000,
    concurrentTasksPerWorker: 1,
  });
  const abort = () => void pool.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.allSettled(
      tasks.map(async (task) => {
        const channel = new MessageChannel();
        channel.port1.on('message', (progress: RunProgress) => options.onRunProgress?.(progress));
        try {
          const workerTask: WorkerTask = { ...task, progressPort: channel.port2 };
          options.onResult((await pool.run(workerTask, { transferList: [channel.port2] })) as RunResult);
        } catch (error) {
          if (!options.signal?.aborted) options.onResult({ runId: task.run.runId, ok: false, events: 0, wallSeconds: 0, error: (error as Error).stack ?? String(error) });
        } finally {
          channel.port1.close();
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool.destroy();
  }
}
