// Speed benchmark of the poet chain (for `dv2g bench`): pow's workload (a day, 600 s blocks, 16 block producers,
// 1,000 nodes, 10 tx/s), so its events per second compare with pow's on equal work.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../timing/measurement.js';
import { createPoetLedger } from './index.js';
import { poetSchema } from './schema.js';

export function benchPoet(quick: boolean): Measurement {
  const config = poetSchema.parse({ kind: 'poet', blockInterval: 600 });
  return measureChainDay((ctx) => createPoetLedger(config, ctx), quick);
}
