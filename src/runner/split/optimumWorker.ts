// Worker-thread entry of a day-ahead optimum's helper (optimumHelper.ts): solves the agents' problems as they
// come and, at the end of the tasks (null), answers once with every solution, or with why one failed.

import { workerData, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { DayAheadInputError, solveDayAhead, type DayAheadSolution } from '../../model/market/dayAhead.js';
import { sessionNamer } from '../../model/optimum.js';
import type { HelperReply, HelperTask } from './optimumHelper.js';
import { markExitOnSignal, postReply } from './threadReply.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
markExitOnSignal(signal);

const solutions: DayAheadSolution[] = [];
let failure: HelperReply | null = null;
port.on('message', (task: HelperTask | null) => {
  if (task === null) {
    const buffers: TransferListItem[] = solutions.flatMap((s) => [s.energy, s.offset, s.intervalEnergy, s.intervalWelfare, s.shadowPrice].map((a) => a.buffer as ArrayBuffer));
    postReply(port, signal, failure ?? { solutions }, failure ? [] : [...new Set(buffers)]);
    return;
  }
  if (failure) return;
  try {
    solutions.push(solveDayAhead(task.problem, { name: sessionNamer(task.evOf, task.g) }));
  } catch (error) {
    failure = error instanceof DayAheadInputError ? { inputError: error.problems } : { error: (error as Error).stack ?? String(error) };
  }
});
