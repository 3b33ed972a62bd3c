// Speed benchmark of the pos chain (for `dv2g bench`): pow's workload (a day, 600 s blocks, 16 block producers,
// 1,000 nodes, 10 tx/s), so its events per second compare with pow's on equal work.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../timing/measurement.js';
import { createPosLedger } from './index.js';
import { posSchema } from './schema.js';

export function benchPos(quick: boolean): Measurement {
  const config = posSchema.parse({ kind: 'pos', blockInterval: 600 });
  return measureChainDay((ctx) => createPosLedger(config, ctx), quick);
}
