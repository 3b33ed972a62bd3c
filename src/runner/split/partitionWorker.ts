// Worker-thread entry of one partition of a split run: builds the partition, then advances it one
// window per message and answers on its port, waking the blocked main thread through the shared signal.

import { workerData, type MessagePort } from 'node:worker_threads';
import { MarketPartition, type PartitionSpec, type WindowStep } from './partition.js';
import type { PartitionReply } from './remotePartition.js';

export interface PartitionWorkerData {
  spec: PartitionSpec;
  port: MessagePort;
  /** signal[0] turns 1 when a reply is waiting on the port. */
  signal: Int32Array;
}

const { spec, port, signal } = workerData as PartitionWorkerData;
let partition: MarketPartition | undefined;
let failure: string | undefined;
try {
  partition = new MarketPartition(spec);
} catch (error) {
  failure = (error as Error).stack ?? String(error);
}

port.on('message', (step: WindowStep) => {
  let reply: PartitionReply;
  try {
    reply = partition ? { window: partition.advance(step) } : { error: failure ?? 'partition not built' };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply, 'window' in reply ? [reply.window.tx.buffer, reply.window.netLoadKw.buffer] : []);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
