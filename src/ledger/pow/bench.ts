// Speed benchmark of the pow chain (for `dv2g bench`): one day of a Bitcoin-like network (600 s, 1 MB
// blocks, 16 miners) under 10 tx/s, above its ~6.7 tx/s capacity, so the mempool grows.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../timing/measurement.js';
import { createPowLedger } from './index.js';
import { powSchema } from './schema.js';

export function benchPow(quick: boolean): Measurement {
  const config = powSchema.parse({ kind: 'pow', miners: 16 });
  return measureChainDay((ctx) => createPowLedger(config, ctx), quick);
}
