// Worker-thread entry of a transactions.csv helper (transactionLines.ts): formats each slice it is sent, in order,
// and answers with its lines as UTF-8 bytes, counting each reply up in the shared signal the run's thread waits on.

import { workerData, type MessagePort } from 'node:worker_threads';
import { sliceLines, type SliceMessage, type SliceReply } from './transactionLines.js';
import { markExitOnSignal, postReply } from './split/threadReply.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
markExitOnSignal(signal);
const encoder = new TextEncoder();

port.on('message', ({ runId, ledger, slice }: SliceMessage) => {
  let reply: SliceReply;
  try {
    reply = { bytes: encoder.encode(sliceLines(runId, ledger, slice)) };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error) };
  }
  postReply(port, signal, reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
});
