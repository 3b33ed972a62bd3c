// The scenario schema: the single source of truth for scenario keys, their defaults and docs.
// It gives the TypeScript types (z.output) and scenarios/schema.json (see jsonSchema.ts).

import { z } from 'zod';
import { distribution, duration, positiveDuration } from './units.js';
import { fleetSchema, gridSchema, marketSchema } from '../model/schema.js';
import { LEDGER_KINDS, LEDGER_KIND_NAMES, LEDGER_SCHEMAS } from '../ledger/kinds.js';
import type { LedgerDescriptor } from '../ledger/descriptor.js';

const txSize = z.int().positive().default(250).meta({ description: 'bytes per ledger transaction' });

export const poissonWorkloadSchema = z.strictObject({
  kind: z.literal('poisson'),
  rate: z.number().positive().default(10).meta({ description: 'transactions per second (Poisson arrivals)' }),
  txSize,
  issuers: z.int().min(1).default(100).meta({ description: 'number of issuing nodes; each transaction picks one uniformly' }),
  value: distribution(z.number().nonnegative()).prefault(1).meta({ description: 'traded value carried by each transaction (currency units)' }),
});

export const marketWorkloadSchema = z.strictObject({
  kind: z.literal('market'),
  txSize,
});

export const workloadSchema = z.discriminatedUnion('kind', [marketWorkloadSchema, poissonWorkloadSchema], {
  error: 'expected workload.kind to be market or poisson',
});

export const networkSchema = z.strictObject({
  topology: z.enum(['random', 'full']).default('random').meta({ description: 'peer graph: random (each node links to degree peers) or full' }),
  degree: z.int().min(1).default(8).meta({ description: 'peers each node links to (random topology)' }),
  nodes: z.int().min(2).default(100).meta({ description: 'ledger nodes in the peer network' }),
  latency: distribution(duration()).prefault('100ms').meta({ description: 'one-hop delay' }),
  bandwidth: z.union([z.number().positive(), z.literal('unlimited')]).default(100).meta({ description: 'link bandwidth in Mbit/s, or unlimited (delay independent of size)' }),
});

export const ledgerSchema = z.discriminatedUnion('kind', LEDGER_SCHEMAS, {
  error: `expected kind to be one of: ${LEDGER_KIND_NAMES.join(', ')}`,
});

export const sweepSchema = z.strictObject({
  grid: z.enum(['cartesian', 'zip']).default('cartesian').meta({ description: 'cartesian: every combination; zip: the i-th values together' }),
  params: z.record(z.string(), z.array(z.unknown()).min(1)).meta({ description: 'key path (e.g. workload.rate, ledgers[0].alpha) -> list of values' }),
});

export const outputsSchema = z.strictObject({
  transactions: z.boolean().default(false).meta({ description: 'write transactions.csv (one row per ledger transaction)' }),
  blocks: z.boolean().default(false).meta({ description: 'write blocks.csv (one row per block found, main chain or stale; chain ledgers only)' }),
  timeseriesInterval: positiveDuration().optional().meta({ description: 'bucket width of timeseries.csv (default: duration / 96)' }),
  report: z.boolean().default(true).meta({ description: 'build charts, report.html and notebook.ipynb after the run' }),
});

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected a name of letters, digits, ".", "_" or "-" (it names the results folder)' }).meta({ description: 'scenario name; results go to results/<name>/' }),
  description: z.string().default('').meta({ description: 'one line saying what the scenario is for' }),
  seed: z.int().min(0).default(1).meta({ description: 'root seed; every run seed derives from it' }),
  duration: positiveDuration().prefault('1h').meta({ description: 'simulated time of each run' }),
  warmup: duration().prefault(0).meta({ description: 'initial period excluded from the metrics' }),
  replications: z.int().min(1).default(1).meta({ description: 'independent runs per sweep point and ledger' }),
  workload: workloadSchema.prefault({ kind: 'market' }).meta({ description: 'where ledger transactions come from' }),
  fleet: fleetSchema.prefault({}).meta({ description: 'the EVs' }),
  grid: gridSchema.prefault({}).meta({ description: 'the grid agents' }),
  market: marketSchema.prefault({}).meta({ description: 'the negotiation' }),
  network: networkSchema.prefault({}).meta({ description: 'the peer network and its message delays' }),
  ledgers: z.array(ledgerSchema).min(1, { error: 'expected at least one ledger' }).prefault([{ kind: 'tangle' }]).meta({ description: 'ledgers to compare; each has a kind and a unique label' }),
  sweep: sweepSchema.optional().meta({ description: 'parameters to vary; each combination is one sweep point' }),
  outputs: outputsSchema.prefault({}).meta({ description: 'which files to write' }),
}).superRefine((s, ctx) => {
  if (s.warmup >= s.duration) ctx.addIssue({ code: 'custom', path: ['warmup'], message: `expected warmup (${s.warmup} s) to be shorter than duration (${s.duration} s)` });
  const checkContext = { nodes: s.network.nodes };
  s.ledgers.forEach((l, i) => {
    const descriptor = LEDGER_KINDS.find((d) => d.kind === l.kind) as LedgerDescriptor<z.ZodType<LedgerConfig>> | undefined;
    for (const p of descriptor?.crossChecks?.(l, checkContext) ?? []) ctx.addIssue({ code: 'custom', path: ['ledgers', i, ...p.path], message: p.message });
  });
  const seen = new Map<string, number>();
  s.ledgers.forEach((l, i) => {
    const label = l.label ?? l.kind;
    const first = seen.get(label);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['ledgers', i, 'label'], message: `duplicate ledger label "${label}" (also ledgers[${first}]); give each ledger a unique label` });
    else seen.set(label, i);
  });
});

/** A scenario as written (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A resolved scenario: defaults filled in, durations in seconds, distributions normalised. */
export type Scenario = z.output<typeof scenarioSchema>;
export type LedgerConfig = z.output<typeof ledgerSchema>;
export type LedgerKind = LedgerConfig['kind'];
export type NetworkConfig = z.output<typeof networkSchema>;
export type WorkloadConfig = z.output<typeof workloadSchema>;
export type PoissonWorkloadConfig = z.output<typeof poissonWorkloadSchema>;
export type MarketWorkloadConfig = z.output<typeof marketWorkloadSchema>;

/** The label of a ledger (its kind when none is given). */
export function ledgerLabel(l: LedgerConfig): string {
  return l.label ?? l.kind;
}
