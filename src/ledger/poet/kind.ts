// Proof of elapsed time's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { producerChecks } from '../chain/producerChecks.js';
import { poetSchema } from './schema.js';
import { createPoet } from './index.js';

export const poetKind = ledgerKind({
  kind: 'poet',
  title: KIND_TITLES.poet,
  schema: poetSchema,
  create: createPoet,
  crossChecks: (c, { nodes }) => producerChecks({ producersKey: 'validators', noun: 'validator', producers: c.validators }, nodes),
  bench: {
    description: "pow's workload (a day of 600 s blocks, 16 producers) on a 1,000-node network (quick: 200 nodes) at 10 tx/s, to compare events/s with pow",
    run: async (quick) => (await import('./bench.js')).benchPoet(quick),
  },
});
