// Speed benchmark of the poet chain (for `dv2g bench`): a day of 20 s mean waits, 16 validators, on the
// chain benchmark's network at 10 tx/s, comparable event for event with pow's.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../bench/measure.js';
import { createPoetLedger } from './index.js';
import { poetSchema } from './schema.js';

export function benchPoet(quick: boolean): Measurement {
  const config = poetSchema.parse({ kind: 'poet' });
  return measureChainDay((ctx) => createPoetLedger(config, ctx), quick);
}
