// Half of a partition's evs.csv rows formatted on a helper thread where a core would otherwise idle (a tangle
// run on two threads, whose own thread has only the log's summary to make while the partition formats its
// rows): the first whole chunks' rows go to the helper as numbers, the partition formats the rest meanwhile,
// then puts the helper's lines before its own. The same rows, so the same lines, on any thread.

import { MessageChannel, Worker } from 'node:worker_threads';
import type { EvRowSource } from '../../model/charging/owners.js';
import { projectModule } from '../sourceMode.js';
import { awaitReply, newSignal, replyingThreadCode } from './threadReply.js';
import { concatEvLines, evCells, evRowRange, formatEvLines, LINES_PER_CHUNK, type EvCells, type EvLines, type EvTag } from './evLines.js';

/** The helper's one task. */
export interface EvsTask {
  rows: EvCells;
  tag: EvTag;
  linesPerChunk: number;
}

/** The helper's one answer: the lines of its rows, or why it could not format them. */
export type EvsReply = { lines: EvLines } | { error: string };

/** Longest wait for the helper's lines once the partition has formatted its own. */
const STALL_MS = 15 * 60 * 1000;

/** formatEvLines(source, tag, linesPerChunk), about half of the rows formatted on a helper thread (none when there is not one whole chunk to give it). */
export function formatEvLinesWithHelper(source: EvRowSource, tag: EvTag, linesPerChunk = LINES_PER_CHUNK): EvLines {
  const given = Math.floor(source.count / 2 / linesPerChunk) * linesPerChunk;
  if (given === 0) return formatEvLines(source, tag, linesPerChunk);
  const signal = newSignal();
  const { port1, port2 } = new MessageChannel();
  const helper = new Worker(replyingThreadCode(projectModule('runner/split/evsWorker')), { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  // A partition that fails before the helper answers leaves no thread behind to hold the process open.
  helper.unref();
  try {
    const rows = evCells(source, 0, given);
    port1.postMessage({ rows, tag, linesPerChunk } satisfies EvsTask, [rows.cells.buffer as ArrayBuffer, rows.empty.buffer as ArrayBuffer]);
    const rest = formatEvLines(evRowRange(source, given, source.count), tag, linesPerChunk);
    const reply = awaitReply<EvsReply>(signal, port1, STALL_MS, (reason) => new Error(`the evs.csv rows' helper thread failed: ${reason}`));
    if ('error' in reply) throw new Error(`the evs.csv rows' helper thread failed: ${reply.error}`);
    return concatEvLines(reply.lines, rest);
  } finally {
    port1.close();
    void helper.terminate();
  }
}
