// Proof of stake's entry in the list of ledger kinds (src/ledger/kinds.ts).

import { ledgerKind } from '../descriptor.js';
import { KIND_TITLES } from '../kindTitles.js';
import { producerChecks } from '../chain/producerChecks.js';
import { posSchema } from './schema.js';
import { createPos } from './index.js';

export const posKind = ledgerKind({
  kind: 'pos',
  title: KIND_TITLES.pos,
  schema: posSchema,
  create: createPos,
  crossChecks: (c, { nodes }) => producerChecks({ producersKey: 'validators', noun: 'validator', producers: c.validators, sharesKey: 'stakeShares', shares: c.stakeShares }, nodes),
  bench: {
    description: "pow's workload (a day of 600 s blocks, 16 producers) on a 1,000-node network (quick: 200 nodes) at 10 tx/s, to compare events/s with pow",
    run: async (quick) => (await import('./bench.js')).benchPos(quick),
  },
});
