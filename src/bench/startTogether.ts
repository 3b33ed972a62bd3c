// A start line for timed worker-thread tasks: `runTogether` gives each of n copies of a task a thread of its own,
// and each task, calling `startTogether`, counts itself ready on a shared counter and waits until all of them
// are, so that their timings cover the same moments (threads start at different times).

import { Piscina } from 'piscina';
import { loaderFlags, projectModule } from '../runner/sourceMode.js';

/** What every task of runTogether is given: one Int32 counting the tasks ready to start. */
export interface TogetherTask {
  ready: SharedArrayBuffer;
}

/**
 * Runs `tasks` copies of `task` at once, each on a thread of its own from a pool of project module `module`
 * (its default export the task's function, which calls startTogether); returns their answers.
 */
export async function runTogether<T extends TogetherTask, R>(module: string, task: Omit<T, 'ready'>, tasks: number): Promise<R[]> {
  const pool = new Piscina<T, R>({
    filename: projectModule(module).href,
    execArgv: loaderFlags(),
    minThreads: tasks,
    maxThreads: tasks,
    concurrentTasksPerWorker: 1,
  });
  try {
    const shared = { ...task, ready: new SharedArrayBuffer(4) } as T;
    return await Promise.all(Array.from({ length: tasks }, () => pool.run(shared)));
  } finally {
    await pool.destroy();
  }
}

/** In a task: counts it ready on `ready` and blocks until `tasks` tasks are. */
export function startTogether(ready: SharedArrayBuffer, tasks: number): void {
  const count = new Int32Array(ready);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
  for (let seen = Atomics.load(count, 0); seen < tasks; seen = Atomics.load(count, 0)) Atomics.wait(count, 0, seen);
}
