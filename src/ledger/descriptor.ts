// What a ledger kind's folder exports to the rest of dv2g: its scenario schema, its factory, the checks
// that need other scenario keys (run at load time), and its `dv2g bench` workload. src/ledger/kinds.ts lists them.

import type * as z from 'zod';
import type { LedgerFactory } from './ledger.js';
import type { Measurement } from '../timing/measurement.js';

/** A problem a cross-key check finds, at a key path inside the ledger's entry (e.g. ['miners']). */
export interface LedgerProblem {
  path: (string | number)[];
  message: string;
}

/** The scenario keys outside `ledgers[]` that a ledger's cross-key checks may read. */
export interface LedgerCheckContext {
  /** network.nodes */
  nodes: number;
  /** grid.agents (the miners of a dedicated chain, by default) */
  agents: number;
}

export interface LedgerBench {
  description: string;
  run(quick: boolean): Promise<Measurement>;
}

export interface LedgerDescriptor<Schema extends z.ZodType, Kind extends string = string> {
  kind: Kind;
  /** One line for listings (CLI usage, README). */
  title: string;
  schema: Schema;
  create: LedgerFactory<z.output<Schema>>;
  crossChecks?(config: z.output<Schema>, scenario: LedgerCheckContext): LedgerProblem[];
  bench: LedgerBench;
}

/** Builds a descriptor with its config type inferred from the schema. */
export function ledgerKind<Schema extends z.ZodType, Kind extends string>(d: LedgerDescriptor<Schema, Kind>): LedgerDescriptor<Schema, Kind> {
  return d;
}
