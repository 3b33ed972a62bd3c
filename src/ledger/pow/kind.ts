// The proof-of-work chain's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { producerChecks } from '../chain/producerChecks.js';
import { powSchema, PUBLIC_MINERS } from './schema.js';
import { createPow } from './index.js';

export const powKind = ledgerKind({
  kind: 'pow',
  title: KIND_TITLES.pow,
  schema: powSchema,
  create: createPow,
  crossChecks: (c, { nodes, agents }) => {
    const miners = c.miners ?? (c.preset === 'bitcoin-public' ? PUBLIC_MINERS : agents);
    return producerChecks({ producersKey: 'miners', noun: 'miner', producers: miners, sharesKey: 'hashShares', shares: c.hashShares }, nodes);
  },
  bench: {
    description: 'a Bitcoin-like day (600 s, 1 MB blocks) on a 1,000-node network (quick: 200 nodes) at 10 tx/s',
    run: async (quick) => (await import('./bench.js')).benchPow(quick),
  },
});
