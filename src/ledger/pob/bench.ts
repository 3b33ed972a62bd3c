// Speed benchmark of the pob chain (for `dv2g bench`): a day of 90 s blocks, 16 burning miners, on the
// chain benchmark's network at 10 tx/s, comparable event for event with pow's.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../bench/measure.js';
import { createPobLedger } from './index.js';
import { pobSchema } from './schema.js';

export function benchPob(quick: boolean): Measurement {
  const config = pobSchema.parse({ kind: 'pob' });
  return measureChainDay((ctx) => createPobLedger(config, ctx), quick);
}
