// A partition carried by a worker thread, driven synchronously: the main thread posts a window and,
// when it needs the answer, blocks on a shared signal and reads the reply off the port
// (Atomics.wait + receiveMessageOnPort), so a split run stays a plain synchronous function.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { siblingModule, workerBootCode } from '../sourceMode.js';
import type { PartitionSpec, PartitionWindow, WindowStep } from './partition.js';
import type { PartitionWorkerData } from './partitionWorker.js';

export type PartitionReply = { window: PartitionWindow } | { error: string };

export class RemotePartition {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(spec: PartitionSpec) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: PartitionWorkerData = { spec, port: port2, signal: this.signal };
    this.worker = new Worker(workerBootCode(siblingModule('partitionWorker', import.meta.url)), { eval: true, workerData: data, transferList: [port2] });
  }

  /** Starts the window on the worker's thread. */
  send(step: WindowStep): void {
    this.port.postMessage(step);
  }

  /** Waits for the window sent last and returns it. */
  receive(): PartitionWindow {
    Atomics.wait(this.signal, 0, 0);
    Atomics.store(this.signal, 0, 0);
    const reply = receiveMessageOnPort(this.port)?.message as PartitionReply | undefined;
    if (!reply) throw new Error('a split run\'s partition thread woke without a reply');
    if ('error' in reply) throw new Error(`a split run's partition failed: ${reply.error}`);
    return reply.window;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
