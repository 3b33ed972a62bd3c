// Maps each ledger kind to its factory. Adding a ledger kind: a folder with schema.ts and index.ts,
// its schema in scenario/schema.ts's union, and one line here.

import type { Ledger, LedgerContext } from './ledger.js';
import type { LedgerConfig } from '../scenario/schema.js';
import { createTangle } from './tangle/index.js';
import { createPow } from './pow/index.js';
import { createLightchain } from './lightchain/index.js';

export function createLedger(config: LedgerConfig, ctx: LedgerContext): Ledger {
  switch (config.kind) {
    case 'tangle':
      return createTangle(config, ctx);
    case 'pow':
      return createPow(config, ctx);
    case 'lightchain':
      return createLightchain(config, ctx);
  }
}
