// Entry point of `ledgers[].kind: tangle`: the factory the runner calls, and the class tests inspect.

import type { LedgerFactory } from '../ledger.js';
import type { TangleConfig } from './schema.js';
import { TangleLedger } from './tangleLedger.js';

export { TangleLedger } from './tangleLedger.js';
export { TangleDag } from './dag.js';
export { tangleSchema, type TangleConfig } from './schema.js';

export const createTangle: LedgerFactory<TangleConfig> = (config, ctx) => new TangleLedger(config, ctx);
