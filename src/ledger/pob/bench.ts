// Speed benchmark of the pob chain (for `dv2g bench`): pow's workload (a day, 600 s blocks, 16 block producers,
// 1,000 nodes, 10 tx/s), so its events per second compare with pow's on equal work.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../timing/measurement.js';
import { createPobLedger } from './index.js';
import { pobSchema } from './schema.js';

export function benchPob(quick: boolean): Measurement {
  const config = pobSchema.parse({ kind: 'pob', blockInterval: 600 });
  return measureChainDay((ctx) => createPobLedger(config, ctx), quick);
}
