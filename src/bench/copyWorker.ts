// Worker-thread task of parallelCopies.ts: waits until every copy is ready, then times one run on this thread
// and answers with its seconds and its events.

import { simulateRun } from '../runner/simulateRun.js';
import { timed } from '../timing/measurement.js';
import type { CopyTask, CopyTiming } from './parallelCopies.js';
import { startTogether } from './startTogether.js';

export default function runCopy({ scenario, run, copies, ready }: CopyTask): CopyTiming {
  startTogether(ready, copies);
  const { value, seconds } = timed(() => simulateRun(scenario, run, undefined, 1));
  return { seconds, events: value.metrics.events ?? 0 };
}
