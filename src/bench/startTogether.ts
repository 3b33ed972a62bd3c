// A start line for timed worker-thread tasks: each task counts itself ready on a shared counter and waits until
// all of them are, so that their timings cover the same moments (threads start at different times).

/** Counts this task ready on `ready` (one Int32) and blocks until `tasks` tasks are. */
export function startTogether(ready: SharedArrayBuffer, tasks: number): void {
  const count = new Int32Array(ready);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
  for (let seen = Atomics.load(count, 0); seen < tasks; seen = Atomics.load(count, 0)) Atomics.wait(count, 0, seen);
}
