// Worker-thread task of a multi-threaded calibration: warms the loop up, waits until every thread of
// the calibration is ready, then times one pass and returns its seconds.

import { bareHeapLoop, timeCalibrationPass, type CalibrationTask } from './calibration.js';
import { startTogether } from './startTogether.js';

export default function calibrationPass({ events, threads, ready }: CalibrationTask): number {
  bareHeapLoop(Math.min(events, 200_000));
  startTogether(ready, threads);
  return timeCalibrationPass(events);
}
