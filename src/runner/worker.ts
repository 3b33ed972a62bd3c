// Worker-thread entry for the piscina pool: executes one run and stores its results, posting its
// progress on the task's own message port.

import type { MessagePort } from 'node:worker_threads';
import { executeRun, type RunTask, type RunResult } from './executeRun.js';

export interface WorkerTask extends RunTask {
  progressPort: MessagePort;
}

export default function runInWorker(task: WorkerTask): RunResult {
  const { progressPort, ...runTask } = task;
  try {
    return executeRun(runTask, (progress) => progressPort.postMessage(progress));
  } finally {
    progressPort.close();
  }
}
