// Half of a partition's day-ahead optimum solved on a helper thread where a core would otherwise idle (on
// two threads a tangle run's own thread only waits for the partition's first window): every other agent's
// problem goes to the helper as soon as it is built, the partition solves the rest itself, then takes the
// helper's solutions. Each agent's problem is solved alone, so the optimum is the same on any thread.

import type { TransferListItem } from 'node:worker_threads';
import { DayAheadInputError, type DayAheadProblem, type DayAheadSolution } from '../../model/market/dayAhead.js';
import { solveHere, type AgentProblemSolver } from '../../model/optimum.js';
import { projectModule } from '../sourceMode.js';
import { startHelperThread } from './threadReply.js';

/** An agent's problem as the helper gets it. */
export interface HelperTask {
  g: number;
  problem: DayAheadProblem;
  evOf: Int32Array;
}

/** The helper's one answer: every solution in the order its tasks came, or why it could not solve one. */
export type HelperReply = { solutions: DayAheadSolution[] } | { inputError: string[] } | { error: string };

/** An AgentProblemSolver that hands every other problem to a helper thread (started here, ended in finish). */
export function solveWithHelper(): AgentProblemSolver {
  const helper = startHelperThread(projectModule('runner/split/optimumWorker'), "the day-ahead optimum's helper thread");
  const here = solveHere();
  const toHelper: boolean[] = [];
  return {
    add(g, problem, evOf) {
      const helps = toHelper.length % 2 === 1;
      toHelper.push(helps);
      if (!helps) here.add(g, problem, evOf);
      else helper.port.postMessage({ g, problem, evOf } satisfies HelperTask, problemBuffers(problem, evOf));
    },
    finish() {
      try {
        // The end of the tasks: the helper answers once it has solved them all.
        helper.port.postMessage(null);
        const own = here.finish();
        const reply = helper.answer<HelperReply>();
        if ('inputError' in reply) throw new DayAheadInputError(reply.inputError);
        if ('error' in reply) throw new Error(`the day-ahead optimum's helper thread failed: ${reply.error}`);
        let [mine, theirs] = [0, 0];
        return toHelper.map((helps) => (helps ? reply.solutions[theirs++] : own[mine++]));
      } finally {
        helper.end();
      }
    },
  };
}

/** The buffers of a problem's arrays (each its own), moved to the helper rather than copied. */
function problemBuffers(problem: DayAheadProblem, evOf: Int32Array): TransferListItem[] {
  const arrays = [problem.demand, problem.quadratic, problem.linear, problem.budget, problem.first, problem.end, problem.full, problem.tail, evOf];
  return [...new Set(arrays.filter((a): a is Float64Array | Int32Array => ArrayBuffer.isView(a)).map((a) => a.buffer as ArrayBuffer))];
}
