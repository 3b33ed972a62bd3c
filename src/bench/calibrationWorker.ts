// Worker-thread task of a multi-threaded calibration: warms the loop up, waits until every thread of
// the calibration is ready, then times one pass and returns its seconds.

import { bareHeapLoop, timeCalibrationPass, type CalibrationTask } from './calibration.js';

export default function calibrationPass({ events, threads, ready }: CalibrationTask): number {
  bareHeapLoop(Math.min(events, 200_000));
  const count = new Int32Array(ready);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
  for (let seen = Atomics.load(count, 0); seen < threads; seen = Atomics.load(count, 0)) Atomics.wait(count, 0, seen);
  return timeCalibrationPass(events);
}
