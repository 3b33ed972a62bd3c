// LightChain's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { producerChecks } from '../chain/producerChecks.js';
import { lightchainSchema } from './schema.js';
import { createLightchain } from './index.js';

export const lightchainKind = ledgerKind({
  kind: 'lightchain',
  title: KIND_TITLES.lightchain,
  schema: lightchainSchema,
  create: createLightchain,
  crossChecks: (c, { nodes }) => producerChecks({ producersKey: 'producers', noun: 'producer', producers: c.producers ?? nodes, sharesKey: 'weights', shares: c.weights }, nodes),
  bench: {
    description: 'a LightChain day on a 1,000-node network (quick: 200 nodes) at 10 tx/s',
    run: async (quick) => (await import('./bench.js')).benchLightchain(quick),
  },
});
