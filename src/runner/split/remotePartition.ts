// A partition carried by a worker thread, driven synchronously: the main thread posts windows and,
// when it needs an answer, blocks on a shared counter and reads the reply off the port
// (Atomics.wait + receiveMessageOnPort), so a split run stays a plain synchronous function. A partition
// thread that fails, exits or stops answering ends the run with an error instead of a hang.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { projectModule } from '../sourceMode.js';
import type { PartitionSpec, PartitionStep, PartitionWindow } from './partition.js';
import type { PartitionWorkerData } from './partitionWorker.js';
import { awaitReply, newSignal, replyingThreadCode } from './threadReply.js';
import { compileOnOwnThread } from '../compileOnOwnThread.js';

export type PartitionReply = { window: PartitionWindow } | { error: string };

/** Longest wait for one window's answer (the first includes the thread's start-up and its world). */
const STALL_MS = 15 * 60 * 1000;

/** One partition as the split run drives it: built once, then steps go out in order and their answers come back in the same order. */
export interface PartitionHandle {
  /** Builds the partition (its world) from `spec`; before any step. */
  build(spec: PartitionSpec): void;
  send(step: PartitionStep): void;
  receive(): PartitionWindow;
  /** Ends the partition (once; again does nothing). */
  close(): void;
}

/**
 * A partition thread's young generation (V8's nursery; Node's default lets it grow to 48 MB): a partition keeps its
 * world in typed arrays and makes little short-lived garbage, so a smaller one costs no measurable speed and saves
 * about 10 MB per thread (a 300,000-EV day split over 16 threads: peak 1,334 instead of 1,498 MB).
 */
const PARTITION_YOUNG_GENERATION_MB = 16;

/** What a partition's thread is sent first: the spec it builds its partition from. */
export interface BuildMessage {
  spec: PartitionSpec;
}

export class RemotePartition implements PartitionHandle {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = newSignal();
  private windowsAnswered = 0;
  private closed = false;

  /**
   * Starts the thread of partition `index` of `count`, which loads its code at once and waits for `build` (so that
   * its start overlaps the run thread's own, the fleet's draw); `module`: the thread's entry (another only in tests).
   */
  constructor(private readonly index: number, private readonly count: number, module = projectModule('runner/split/partitionWorker')) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: PartitionWorkerData = { index, port: port2, signal: this.signal };
    compileOnOwnThread();
    this.worker = new Worker(replyingThreadCode(module), { eval: true, workerData: data, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: PARTITION_YOUNG_GENERATION_MB } });
  }

  /** Sends the thread its spec: it builds its partition before the steps sent after. */
  build(spec: PartitionSpec): void {
    this.port.postMessage({ spec } satisfies BuildMessage);
  }

  /** Starts a step on the worker's thread (steps queue there in the order sent). */
  send(step: PartitionStep): void {
    this.port.postMessage(step);
  }

  /** Waits for the oldest window not yet received and returns it. */
  receive(): PartitionWindow {
    const reply = awaitReply<{ window: PartitionWindow }>(this.signal, this.port, STALL_MS, (reason) => this.failure(reason));
    this.windowsAnswered++;
    return reply.window;
  }

  /** Ends the partition's thread, freeing its heap (again: nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }

  private failure(reason: string): Error {
    return new Error(`partition ${this.index} of ${this.count} of a split run failed at window ${this.windowsAnswered}: ${reason}`);
  }
}
