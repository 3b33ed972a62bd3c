// Speed benchmark of the pow chain (for `dv2g bench`): one day of a Bitcoin-like network (600 s, 1 MB
// blocks, 16 miners) on `nodes` nodes under 10 tx/s, above its ~6.7 tx/s capacity, so the mempool grows.

import { benchChain, type ChainBenchResult } from '../chain/benchRun.js';
import { createPowLedger } from './index.js';
import { powSchema } from './schema.js';

const DAY = 86_400;
const RATE = 10;

export function benchPow(nodes = 1000, seed = 1): ChainBenchResult {
  const config = powSchema.parse({ kind: 'pow', miners: 16 });
  return benchChain((ctx) => createPowLedger(config, ctx), nodes, DAY, RATE, seed);
}
