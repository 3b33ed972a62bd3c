// Finds a ledger kind's descriptor by name and creates a run's ledger from its configuration.

import type { Ledger, LedgerContext, LedgerFactory } from './ledger.js';
import type { LedgerConfig } from '../scenario/schema.js';
import { LEDGER_KINDS } from './kinds.js';

type Descriptor = (typeof LEDGER_KINDS)[number];

const BY_KIND = new Map<string, Descriptor>(LEDGER_KINDS.map((d) => [d.kind, d]));

export function ledgerDescriptor(kind: string): Descriptor {
  const d = BY_KIND.get(kind);
  if (!d) throw new RangeError(`unknown ledger kind "${kind}"`);
  return d;
}

export function createLedger(config: LedgerConfig, ctx: LedgerContext): Ledger {
  return (ledgerDescriptor(config.kind).create as LedgerFactory<LedgerConfig>)(config, ctx);
}
