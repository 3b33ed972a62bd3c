// Worker-thread entry of one partition of a split run: loads its code as soon as the thread starts, builds
// the partition from the spec sent first, then advances it one window per message and answers on its port,
// counting each reply up in the shared signal that the blocked main thread waits on (and marking the
// signal when the thread exits, for whatever reason).

import { workerData, type MessagePort } from 'node:worker_threads';
import { MarketPartition, type PartitionStep } from './partition.js';
import type { BuildMessage, PartitionReply } from './remotePartition.js';
import { markExitOnSignal, postReply } from './threadReply.js';
import { evLinesBuffers } from './evLines.js';
import type { OptimumColumns } from '../../model/workload/optimumColumns.js';

export interface PartitionWorkerData {
  /** The partition's index (its spec comes in the first message). */
  index: number;
  port: MessagePort;
  /** threadReply.ts's SIGNAL: replies waiting on the port, and whether this thread has exited. */
  signal: Int32Array;
}

const { index, port, signal } = workerData as PartitionWorkerData;
markExitOnSignal(signal);

let partition: MarketPartition | undefined;
let failure: string | undefined;
let window = 0;
port.on('message', (message: BuildMessage | PartitionStep) => {
  if ('spec' in message) {
    // A partition that cannot be built answers each step with why.
    try {
      partition = new MarketPartition(message.spec);
    } catch (error) {
      failure = (error as Error).stack ?? String(error);
    }
    return;
  }
  let reply: PartitionReply;
  try {
    injectFault(window++);
    reply = partition ? { window: partition.advance(message) } : { error: failure ?? 'partition not built' };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error) };
  }
  // The window's typed arrays and evs.csv lines cross without a copy.
  const buffers = 'window' in reply ? [reply.window.tx.buffer, reply.window.netLoadKw.buffer, ...(reply.window.evs ? evLinesBuffers(reply.window.evs) : []), ...optimumBuffers(reply.window.optimum)] : [];
  postReply(port, signal, reply, buffers);
});

/** The buffers of an optimum's columns, moved rather than copied. */
function optimumBuffers(columns: OptimumColumns | null): ArrayBuffer[] {
  return columns ? [columns.welfare.buffer, columns.price.buffer, columns.energy.buffer] : [];
}

/**
 * Test-only fault switch: DV2G_FAIL_PARTITION=`index:window:throw` makes partition `index` throw at
 * window `window`; `...:exit` makes its thread exit there without answering.
 */
function injectFault(current: number): void {
  const fault = process.env.DV2G_FAIL_PARTITION;
  if (!fault) return;
  const [faultIndex, at, how] = fault.split(':');
  if (Number(at) !== current || Number(faultIndex) !== index) return;
  if (how === 'exit') process.exit(3);
  throw new Error(`fault injected by DV2G_FAIL_PARTITION at window ${current}`);
}
