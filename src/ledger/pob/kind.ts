// Proof of burn's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { producerChecks } from '../chain/producerChecks.js';
import { pobSchema } from './schema.js';
import { createPob } from './index.js';

export const pobKind = ledgerKind({
  kind: 'pob',
  title: KIND_TITLES.pob,
  schema: pobSchema,
  create: createPob,
  crossChecks: (c, { nodes }) => producerChecks({ producersKey: 'miners', noun: 'miner', producers: c.miners, sharesKey: 'burnShares', shares: c.burnShares }, nodes),
  bench: {
    description: "pow's workload (a day of 600 s blocks, 16 producers) on a 1,000-node network (quick: 200 nodes) at 10 tx/s, to compare events/s with pow",
    run: async (quick) => (await import('./bench.js')).benchPob(quick),
  },
});
