// The benchmark's yardstick: a fixed, allocation-free typed-array binary-heap loop (the hold model the
// engine bench uses), timed on as many threads as a workload uses, so workload speed / calibration speed
// is a figure that a busy or slow machine moves alike on both sides.

import { performance } from 'node:perf_hooks';
import { RngStreams } from '../engine/rng.js';
import { runTogether, type TogetherTask } from './startTogether.js';

/** Events of one calibration pass per thread; a pass takes about a quarter of a second on an idle core. */
export const CALIBRATION_EVENTS = 2_000_000;
const CALIBRATION_PENDING = 10_000;

/**
 * Runs `events` hold-model events on a bare typed-array binary heap ordered by (time, insertion sequence),
 * each event scheduling one successor at an exponential delay; returns the checksum of the event times.
 */
export function bareHeapLoop(events: number, pending = CALIBRATION_PENDING): number {
  const rng = new RngStreams(1).stream('hold');
  const times = new Float64Array(pending + 1);
  const seqs = new Float64Array(pending + 1);
  let size = 0, seq = 0, checksum = 0;
  const push = (t: number) => {
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < t || (times[p] === t && seqs[p] < s)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
  };
  const pop = (): number => {
    const top = times[0];
    const t = times[--size], s = seqs[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))) c++;
      if (t < times[c] || (t === times[c] && s < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    return top;
  };
  for (let i = 0; i < pending; i++) push(-Math.log(1 - rng()));
  for (let n = 0; n < events; n++) {
    const now = pop();
    checksum += now;
    if (n + 1 < events) push(now - Math.log(1 - rng()));
  }
  return checksum;
}

/** Seconds one warmed-up calibration pass of `events` takes on the calling thread. */
export function timeCalibrationPass(events = CALIBRATION_EVENTS): number {
  bareHeapLoop(Math.min(events, 200_000));
  const started = performance.now();
  bareHeapLoop(events);
  return (performance.now() - started) / 1000;
}

/** One worker thread's share of a calibration: its pass starts once all `threads` passes are ready to. */
export interface CalibrationTask extends TogetherTask {
  events: number;
  threads: number;
}

/**
 * Calibration speed in events per second summed over `threads` threads running the loop at once
 * (one thread: this one; more: a pool's threads, started together).
 */
export async function calibrate(threads: number, events = CALIBRATION_EVENTS): Promise<number> {
  if (threads <= 1) return events / timeCalibrationPass(events);
  const seconds = await runTogether<CalibrationTask, number>('bench/calibrationWorker', { events, threads }, threads);
  return (threads * events) / Math.max(...seconds);
}
