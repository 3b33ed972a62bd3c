// Worker-thread entry of a partition's evs.csv helper (evsHelper.ts): formats the rows it is given and answers
// once with their lines (moved, not copied), or with why it could not.

import { workerData, type MessagePort } from 'node:worker_threads';
import { evLinesBuffers, formatEvLines } from './evLines.js';
import { evCellsSource, type EvsReply, type EvsTask } from './evsHelper.js';
import { markExitOnSignal, postReply } from './threadReply.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
markExitOnSignal(signal);

port.once('message', ({ rows, tag, linesPerChunk }: EvsTask) => {
  let reply: EvsReply;
  try {
    reply = { lines: formatEvLines(evCellsSource(rows), tag, linesPerChunk) };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error) };
  }
  postReply(port, signal, reply, 'lines' in reply ? evLinesBuffers(reply.lines) : []);
});
