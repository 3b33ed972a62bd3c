// Speed benchmark of the pos chain (for `dv2g bench`): a day of 12 s slots, 16 validators, on the chain
// benchmark's network at 10 tx/s, comparable event for event with pow's.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../bench/measure.js';
import { createPosLedger } from './index.js';
import { posSchema } from './schema.js';

export function benchPos(quick: boolean): Measurement {
  const config = posSchema.parse({ kind: 'pos' });
  return measureChainDay((ctx) => createPosLedger(config, ctx), quick);
}
