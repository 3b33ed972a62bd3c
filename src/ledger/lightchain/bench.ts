// Speed benchmark of LightChain (for `dv2g bench`): one day (every node a producer, 15 s rounds: a target,
// so that the workload does not depend on the node count) under 10 tx/s, including the offloading filter's
// storage pass at the end.

import { measureChainDay } from '../chain/benchRun.js';
import type { Measurement } from '../../timing/measurement.js';
import { createLightchainLedger } from './index.js';
import { lightchainSchema } from './schema.js';

export function benchLightchain(quick: boolean): Measurement {
  const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: 15 });
  return measureChainDay((ctx) => createLightchainLedger(config, ctx), quick);
}
