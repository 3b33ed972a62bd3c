// Synchronous replies from a worker thread: the thread posts a reply on its port and counts it up in a
// shared signal; the blocked thread waits on the signal (Atomics.wait) and reads the reply off the port
// (receiveMessageOnPort), and learns from the signal when the other thread has exited without answering.

import { receiveMessageOnPort, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { workerBootCode } from '../sourceMode.js';

/** Slots of the shared signal: replies waiting on the port, and 1 once the replying thread has exited. */
export const SIGNAL = { replies: 0, exited: 1, slots: 2 } as const;

/**
 * Code for a replying thread (started with `eval: true`, its workerData holding `port` and `signal`): loads
 * `module`, or, where that fails (a missing or broken build), answers with the error, as the blocked thread
 * cannot see the other thread's own events.
 */
export function replyingThreadCode(module: URL): string {
  return `${workerBootCode(module)}.catch(async (error) => {
    const { workerData } = await import('node:worker_threads');
    workerData.port.postMessage({ error: 'its module did not load: ' + (error?.stack ?? error) });
    Atomics.add(workerData.signal, ${SIGNAL.replies}, 1);
    Atomics.notify(workerData.signal, ${SIGNAL.replies});
  })`;
}

/** How often a waiting thread looks whether the other has exited. */
const POLL_MS = 1000;

export function newSignal(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * SIGNAL.slots));
}

/**
 * Blocks until the thread has posted a reply on `port` and returns it; throws `fail(reason)` when the thread exits
 * without one, none comes within `stallMs`, or the reply is `{ error }` (the thread's own failure, or its module's).
 */
export function awaitReply<T extends object>(signal: Int32Array, port: MessagePort, stallMs: number, fail: (reason: string) => Error): T {
  const started = Date.now();
  while (Atomics.load(signal, SIGNAL.replies) === 0) {
    if (Atomics.load(signal, SIGNAL.exited) !== 0) throw fail('its thread exited without answering');
    if (Date.now() - started > stallMs) throw fail(`no answer in ${stallMs / 60_000} minutes`);
    Atomics.wait(signal, SIGNAL.replies, 0, POLL_MS);
  }
  Atomics.sub(signal, SIGNAL.replies, 1);
  const reply = receiveMessageOnPort(port);
  if (!reply) throw fail('its thread signalled a reply that is not on the port');
  const message = reply.message as T | { error: string };
  if ('error' in message) throw fail(message.error);
  return message;
}

/** In the replying thread: posts `message` (its `transfer` buffers moved, not copied) and wakes the waiting thread. */
export function postReply(port: MessagePort, signal: Int32Array, message: unknown, transfer: readonly TransferListItem[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(signal, SIGNAL.replies, 1);
  Atomics.notify(signal, SIGNAL.replies);
}

/** In the replying thread: marks the signal when the thread exits, for whatever reason. */
export function markExitOnSignal(signal: Int32Array): void {
  process.on('exit', () => {
    Atomics.store(signal, SIGNAL.exited, 1);
    Atomics.notify(signal, SIGNAL.replies);
  });
}
