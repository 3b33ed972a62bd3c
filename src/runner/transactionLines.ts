// transactions.csv's rows of one run (its side file), as CSV lines in id order: slices of the transaction log
// formatted on the run's own thread or, for a large log, on helper threads while the run's thread writes them.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { csvLines, type Cell } from '../output/csv.js';
import type { TxLog } from '../metrics/txLog.js';
import type { RunSpec } from '../scenario/runList.js';
import { projectModule } from './sourceMode.js';
import { compileOnOwnThread } from './compileOnOwnThread.js';
import { awaitReply, newSignal, replyingThreadCode } from './split/threadReply.js';

/**
 * Rows of one slice, and so of one chunk of the side file: a helper holds a few slices' rows and lines, so smaller
 * slices hold the peak down (a 300,000-EV day with its transactions on 16 threads: 1,408 MiB, 1,606 with 50,000).
 */
const SLICE_ROWS = 20_000;
/**
 * Rows from which helper threads format the slices: formatting is about 1 µs a row (a number written as `String`
 * does it takes most), a thread's start about 0.1 s.
 */
const HELPED_ROWS = 200_000;
/**
 * Most helper threads: the run's thread writes and hashes a line in about half the time a helper formats it, so a
 * few keep it busy, and each costs its own heap and slices (on 16 helpers a 300,000-EV day's peak rose 950 MiB).
 */
const MAX_HELPERS = 4;
/** Slices sent to each helper ahead of the one the run's thread waits for. */
const SLICES_AHEAD = 2;
/** Longest wait for one slice's lines. */
const STALL_MS = 15 * 60 * 1000;

/** One slice of the log's columns (rows start .. start + issuer.length - 1), each fee read out. */
export interface TxSlice {
  start: number;
  issuer: Int32Array;
  sizeBytes: Int32Array;
  value: Float64Array;
  fee: Float64Array;
  submittedAt: Float64Array;
  confirmedAt: Float64Array;
}

/** What a helper thread is sent: a slice to format, with the run's id and ledger that start each line. */
export interface SliceMessage {
  runId: string;
  ledger: string;
  slice: TxSlice;
}

export type SliceReply = { bytes: Uint8Array } | { error: string };

export interface TransactionLinesOptions {
  /** Rows per slice (tests: small). */
  sliceRows?: number;
  /** Rows from which helper threads format (tests: small). */
  helpedRows?: number;
  /** The helpers' entry (tests: another). */
  module?: URL;
}

/**
 * The side file's lines, a chunk per slice in order: formatted here, or with `threads` > 1 and a large log on that
 * many helper threads, at most MAX_HELPERS (each slice copied to one, round robin, a few ahead), the same bytes either way.
 */
export function* transactionLines(run: RunSpec, log: TxLog, threads: number, options: TransactionLinesOptions = {}): Generator<string | Uint8Array> {
  const sliceRows = options.sliceRows ?? SLICE_ROWS;
  const slices = Math.ceil(log.count / sliceRows);
  const sliceAt = (k: number, copy: boolean) => sliceOf(log, k * sliceRows, Math.min(log.count, (k + 1) * sliceRows), copy);
  if (threads <= 1 || log.count < (options.helpedRows ?? HELPED_ROWS) || slices < 2) {
    for (let k = 0; k < slices; k++) yield sliceLines(run.runId, run.ledger, sliceAt(k, false));
    return;
  }
  const helpers = Array.from({ length: Math.min(threads, MAX_HELPERS, slices) }, (_, i) => new LineHelper(i, options.module));
  try {
    let sent = 0;
    const send = () => {
      helpers[sent % helpers.length].send({ runId: run.runId, ledger: run.ledger, slice: sliceAt(sent, true) });
      sent++;
    };
    while (sent < Math.min(slices, helpers.length * SLICES_AHEAD)) send();
    for (let k = 0; k < slices; k++) {
      const bytes = helpers[k % helpers.length].receive();
      if (sent < slices) send();
      yield bytes;
    }
  } finally {
    for (const helper of helpers) helper.close();
  }
}

/** Rows start .. end - 1 of `log`: views on its arrays, or copies to move to another thread. */
function sliceOf(log: TxLog, start: number, end: number, copy: boolean): TxSlice {
  const part = <T extends Int32Array | Float64Array>(array: T): T => (copy ? array.slice(start, end) : array.subarray(start, end)) as T;
  const fee = new Float64Array(end - start);
  for (let i = 0; i < fee.length; i++) fee[i] = log.feeOf(start + i);
  return { start, issuer: part(log.issuer), sizeBytes: part(log.sizeBytes), value: part(log.value), fee, submittedAt: part(log.submittedAt), confirmedAt: part(log.confirmedAt) };
}

/** The slice's CSV lines, cells in the order of runStore.ts TRANSACTION_COLUMNS (an unconfirmed one: empty times). */
export function sliceLines(runId: string, ledger: string, slice: TxSlice): string {
  const rows: Cell[][] = new Array(slice.issuer.length);
  for (let i = 0; i < rows.length; i++) {
    const confirmed = slice.confirmedAt[i];
    const isConfirmed = confirmed === confirmed;
    const submitted = slice.submittedAt[i];
    rows[i] = [runId, ledger, slice.start + i, slice.issuer[i], slice.sizeBytes[i], slice.value[i], slice.fee[i], submitted, isConfirmed ? confirmed : null, isConfirmed ? confirmed - submitted : null];
  }
  return csvLines(rows);
}

/** The buffers of a slice's columns, moved to the helper rather than copied again. */
function sliceBuffers(slice: TxSlice): ArrayBuffer[] {
  return [slice.issuer, slice.sizeBytes, slice.value, slice.fee, slice.submittedAt, slice.confirmedAt].map((column) => column.buffer as ArrayBuffer);
}

/** A helper thread that formats slices in the order sent and answers each with its lines as UTF-8 bytes. */
class LineHelper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = newSignal();
  private answered = 0;

  constructor(private readonly index: number, module = projectModule('runner/transactionLinesWorker')) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    compileOnOwnThread();
    this.worker = new Worker(replyingThreadCode(module), { eval: true, workerData: { port: port2, signal: this.signal }, transferList: [port2] });
  }

  send(message: SliceMessage): void {
    this.port.postMessage(message, sliceBuffers(message.slice));
  }

  receive(): Uint8Array {
    const reply = awaitReply<{ bytes: Uint8Array }>(this.signal, this.port, STALL_MS, (reason) => this.failure(reason));
    this.answered++;
    return reply.bytes;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private failure(reason: string): Error {
    return new Error(`transactions.csv's helper thread ${this.index} failed after ${this.answered} slices: ${reason}`);
  }
}
