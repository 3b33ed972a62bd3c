// The tangle's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { tangleSchema } from './schema.js';
import { createTangle } from './index.js';

export const tangleKind = ledgerKind({
  kind: 'tangle',
  title: KIND_TITLES.tangle,
  schema: tangleSchema,
  create: createTangle,
  bench: {
    description: 'tangle, mcmc, alpha 0.01, 100 tx/s: 1,000,000 transactions (quick: 100,000); aim under 60 s',
    run: async (quick) => (await import('./bench.js')).measureTangle(quick),
  },
});
