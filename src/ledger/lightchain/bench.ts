// Speed benchmark of LightChain (for `dv2g bench`): one day on `nodes` nodes (every node a producer,
// 15 s rounds: a target, so that the workload does not depend on the node count) under 10 tx/s, including the
// offloading filter's storage pass at the end.

import { benchChain, type ChainBenchResult } from '../chain/benchRun.js';
import { createLightchainLedger } from './index.js';
import { lightchainSchema } from './schema.js';

const DAY = 86_400;
const RATE = 10;

export function benchLightchain(nodes = 1000, seed = 1): ChainBenchResult {
  const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: 15 });
  return benchChain((ctx) => createLightchainLedger(config, ctx), nodes, DAY, RATE, seed);
}
