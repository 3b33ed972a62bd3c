// Half of a partition's day-ahead optimum solved on a helper thread where a core would otherwise idle (on
// two threads a tangle run's own thread only waits for the partition's first window): every other agent's
// problem goes to the helper as soon as it is built, the partition solves the rest itself, then takes the
// helper's solutions. Each agent's problem is solved alone, so the optimum is the same on any thread.

import { MessageChannel, Worker } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { DayAheadInputError, type DayAheadProblem, type DayAheadSolution } from '../../model/market/dayAhead.js';
import { solveHere, type AgentProblemSolver } from '../../model/optimum.js';
import { projectModule } from '../sourceMode.js';
import { awaitReply, newSignal, replyingThreadCode } from './threadReply.js';

/** An agent's problem as the helper gets it. */
export interface HelperTask {
  g: number;
  problem: DayAheadProblem;
  evOf: Int32Array;
}

/** The helper's one answer: every solution in the order its tasks came, or why it could not solve one. */
export type HelperReply = { solutions: DayAheadSolution[] } | { inputError: string[] } | { error: string };

/** Longest wait for the helper's solutions once the partition has solved its own share. */
const STALL_MS = 15 * 60 * 1000;

/** An AgentProblemSolver that hands every other problem to a helper thread (started here, ended in finish). */
export function solveWithHelper(): AgentProblemSolver {
  const signal = newSignal();
  const { port1, port2 } = new MessageChannel();
  const helper = new Worker(replyingThreadCode(projectModule('runner/split/optimumWorker')), { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  // A partition that fails before finish() leaves no thread behind to hold the process open.
  helper.unref();
  const here = solveHere();
  const toHelper: boolean[] = [];
  return {
    add(g, problem, evOf) {
      const helps = toHelper.length % 2 === 1;
      toHelper.push(helps);
      if (!helps) here.add(g, problem, evOf);
      else port1.postMessage({ g, problem, evOf } satisfies HelperTask, problemBuffers(problem, evOf));
    },
    finish() {
      try {
        // The end of the tasks: the helper answers once it has solved them all.
        port1.postMessage(null);
        const own = here.finish();
        const reply = awaitReply<HelperReply>(signal, port1, STALL_MS, (reason) => new Error(`the day-ahead optimum's helper thread failed: ${reason}`));
        if ('inputError' in reply) throw new DayAheadInputError(reply.inputError);
        if ('error' in reply) throw new Error(`the day-ahead optimum's helper thread failed: ${reply.error}`);
        let [mine, theirs] = [0, 0];
        return toHelper.map((helps) => (helps ? reply.solutions[theirs++] : own[mine++]));
      } finally {
        port1.close();
        void helper.terminate();
      }
    },
  };
}

/** The buffers of a problem's arrays (each its own), moved to the helper rather than copied. */
function problemBuffers(problem: DayAheadProblem, evOf: Int32Array): TransferListItem[] {
  const arrays = [problem.demand, problem.quadratic, problem.linear, problem.budget, problem.first, problem.end, problem.full, problem.tail, evOf];
  return [...new Set(arrays.filter((a): a is Float64Array | Int32Array => ArrayBuffer.isView(a)).map((a) => a.buffer as ArrayBuffer))];
}
