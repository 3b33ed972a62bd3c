// Worker threads compile their optimized code on their own thread. V8 compiles it in the background on Node's
// platform threads, four for the whole process: with more threads than that warming up at once (a sweep's
// workers, a split run's partitions) their compiles queue there while their code runs unoptimized (docs/parallel.md).

import { setFlagsFromString } from 'node:v8';

/** The V8 flag that keeps each isolate's optimizing compiles on its own thread (its default is on). */
export const CONCURRENT_COMPILES_FLAG = 'concurrent-recompilation';

/** Where the threads started from now on compile: each on its own thread, or in V8's background (its default). */
export type WorkerCompiles = 'own thread' | 'background';

let decided = false;

/**
 * Called before starting worker threads: the isolates started from then on compile on their own thread (the
 * process's main thread keeps compiling in the background). Node started with `--[no-]concurrent-recompilation`
 * keeps what it was given, for all threads.
 */
export function compileOnOwnThread(execArgv: readonly string[] = process.execArgv): void {
  if (decided) return;
  decided = true;
  if (execArgv.some((flag) => flag.replace(/_/g, '-').endsWith(CONCURRENT_COMPILES_FLAG))) return;
  setFlagsFromString(`--no-${CONCURRENT_COMPILES_FLAG}`);
}

/** Sets where the threads started from now on compile, whatever was decided before (`dv2g bench` times both ways). */
export function setWorkerCompiles(where: WorkerCompiles): void {
  decided = true;
  setFlagsFromString(where === 'own thread' ? `--no-${CONCURRENT_COMPILES_FLAG}` : `--${CONCURRENT_COMPILES_FLAG}`);
}
