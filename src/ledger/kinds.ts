// The one list of ledger kinds. The scenario's `ledgers[]` union, its error messages, the cross-key
// checks, the factory registry, the CLI usage and the `dv2g bench` workloads are all built from it.

import { tangleKind } from './tangle/kind.js';
import { powKind } from './pow/kind.js';
import { lightchainKind } from './lightchain/kind.js';
import { posKind } from './pos/kind.js';
import { poetKind } from './poet/kind.js';
import { pobKind } from './pob/kind.js';

export const LEDGER_KINDS = [tangleKind, powKind, lightchainKind, posKind, poetKind, pobKind] as const;

type SchemasOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: T[I] extends { schema: infer S } ? S : never };

/** The kinds' schemas as a tuple (what z.discriminatedUnion takes). */
export const LEDGER_SCHEMAS = LEDGER_KINDS.map((k) => k.schema) as unknown as SchemasOf<typeof LEDGER_KINDS>;

export const LEDGER_KIND_NAMES = LEDGER_KINDS.map((k) => k.kind);
