// Worker-thread entry for the piscina pool: executes one run and stores its results.

import { executeRun, type RunTask, type RunResult } from './executeRun.js';

export default function runInWorker(task: RunTask): RunResult {
  return executeRun(task);
}
