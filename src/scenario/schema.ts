// The scenario schema: the single source of truth for scenario keys, their defaults and docs.
// It gives the TypeScript types (z.output) and scenarios/schema.json (see jsonSchema.ts).

import * as z from './zod.js';
import { distribution, duration, nonNegativeNumber, positiveDuration } from './units.js';
import { safeName } from './names.js';
import { MAX_DURATION_S, MAX_MARKET_ROUNDS, MAX_NODES, MAX_REPLICATIONS, MAX_TIMESERIES_BUCKETS, MIN_MARKET_INTERVAL_S, MIN_TIMESERIES_INTERVAL_S, count } from './limits.js';
import { fleetSchema, gridSchema, marketSchema } from '../model/schema.js';
import { LEDGER_KINDS, LEDGER_KIND_NAMES, LEDGER_SCHEMAS } from '../ledger/kinds.js';
import type { LedgerDescriptor } from '../ledger/descriptor.js';
import { devicesSchema } from './devicesSchema.js';
import { chargingSchema } from '../model/charging/schema.js';

const txSize = z.int().positive().default(250).meta({ description: 'bytes per ledger transaction' });

export const poissonWorkloadSchema = z.strictObject({
  kind: z.literal('poisson'),
  rate: z.number().positive().default(10).meta({ description: 'transactions per second (Poisson arrivals)' }),
  txSize,
  issuers: z.int().min(1).default(100).meta({ description: 'number of issuing nodes; each transaction picks one uniformly' }),
  value: distribution(nonNegativeNumber).prefault(1).meta({ description: 'traded value carried by each transaction (currency units)' }),
});

export const marketWorkloadSchema = z.strictObject({
  kind: z.literal('market'),
  txSize,
});

export const workloadSchema = z.discriminatedUnion('kind', [marketWorkloadSchema, poissonWorkloadSchema], {
  error: 'expected workload.kind to be market or poisson',
});

function bandwidth() {
  return z.union([z.number().positive(), z.literal('unlimited')]);
}

export const networkSchema = z.strictObject({
  topology: z.enum(['random', 'full']).default('random').meta({ description: 'peer graph: random (each node links to degree peers) or full' }),
  degree: z.int().min(1).default(8).meta({ description: 'peers each node links to (random topology)' }),
  nodes: z.int().min(2).max(MAX_NODES, { error: `expected at most ${count(MAX_NODES)} nodes` }).default(100).meta({ description: `ledger nodes in the peer network (at most ${count(MAX_NODES)})` }),
  latency: distribution(duration()).prefault('100ms').meta({ description: 'one-way delay of an ordinary link; relaying a block or transaction over a link takes three (announce, request, transfer) plus size / bandwidth' }),
  bandwidth: bandwidth().default(100).meta({ description: 'link bandwidth in Mbit/s, or unlimited (delay independent of size)' }),
  announceBytes: z.int().positive().default(40).meta({ description: 'bytes of one announcement on one link: a node announces a block or transaction to its peers, each fetches it once (40: a 36-byte inv entry with its share of a batched inv message; a lone one-entry inv is 61)' }),
  backbone: z.strictObject({
    degree: z.int().min(0).default(8).meta({ description: 'links each block producer (miner, validator) keeps to other producers, on top of its ordinary links; 0: no backbone, producers are ordinary nodes' }),
    latency: distribution(duration()).prefault('30ms').meta({ description: 'one-way delay of a backbone link (relay-network-like: well-provisioned, directly peered producers)' }),
    bandwidth: bandwidth().default(1000).meta({ description: 'backbone link bandwidth in Mbit/s, or unlimited' }),
  }).prefault({}).meta({ description: "the block producers' own well-connected overlay (as relay networks give miners): producer-to-producer links with their own latency and bandwidth" }),
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
  timeseriesInterval: positiveDuration().refine((s) => s >= MIN_TIMESERIES_INTERVAL_S, { error: (issue) => `expected a bucket width of at least ${MIN_TIMESERIES_INTERVAL_S} s, got ${String(issue.input)} s` }).optional().meta({ description: `bucket width of timeseries.csv (default: duration / 96; at least ${MIN_TIMESERIES_INTERVAL_S} s and at most ${count(MAX_TIMESERIES_BUCKETS)} buckets per run)` }),
  report: z.boolean().default(true).meta({ description: 'build charts, report.html and notebook.ipynb after the run' }),
  database: z.boolean().default(true).meta({ description: 'write results.duckdb and parquet/ (the CSV tables for pandas, Polars, R and SQL, loaded by DuckDB)' }),
});

export const scenarioSchema = z.strictObject({
  name: safeName('the results folder').meta({ description: 'scenario name; results go to results/<name>/' }),
  description: z.string().default('').meta({ description: 'one line saying what the scenario is for' }),
  seed: z.int().min(0).default(1).meta({ description: 'root seed; every run seed derives from it' }),
  duration: positiveDuration().refine((s) => s <= MAX_DURATION_S, { error: (issue) => `expected a duration of at most ${MAX_DURATION_S / 86_400} days (${MAX_DURATION_S} s), got ${String(issue.input)} s` }).prefault('1h').meta({ description: `simulated time of each run (at most ${MAX_DURATION_S / 86_400} days)` }),
  warmup: duration().prefault(0).meta({ description: 'initial period excluded from the metrics' }),
  replications: z.int().min(1).max(MAX_REPLICATIONS, { error: `expected at most ${count(MAX_REPLICATIONS)} replications` }).default(1).meta({ description: `independent runs per sweep point and ledger (at most ${count(MAX_REPLICATIONS)})` }),
  commonRandomNumbers: z.boolean().default(true).meta({ description: 'true (the default): a run\'s seed depends on the root seed and the replication only, so every sweep point and ledger of a replication sees the same random world (fleet, sessions, weather, prices) wherever its parameters allow; false: seeds also depend on the sweep point\'s values' }),
  workload: workloadSchema.prefault({ kind: 'market' }).meta({ description: 'where ledger transactions come from' }),
  fleet: fleetSchema.prefault({}).meta({ description: 'the EVs' }),
  grid: gridSchema.prefault({}).meta({ description: 'the grid agents' }),
  market: marketSchema.prefault({}).meta({ description: 'the negotiation' }),
  charging: chargingSchema.prefault({}).meta({ description: 'how EVs recharge for departure (market workload)' }),
  network: networkSchema.prefault({}).meta({ description: 'the peer network and its message delays' }),
  devices: devicesSchema.prefault({}).meta({ description: 'device classes that do every ledger\'s work: hash rate, power, signature times, energy price, hardware cost per hour' }),
  ledgers: z.array(ledgerSchema).min(1, { error: 'expected at least one ledger' }).prefault([{ kind: 'tangle' }]).meta({ description: 'ledgers to compare; each has a kind and a unique label' }),
  sweep: sweepSchema.optional().meta({ description: 'parameters to vary; each combination is one sweep point' }),
  outputs: outputsSchema.prefault({}).meta({ description: 'which files to write' }),
}).superRefine((s, ctx) => {
  if (s.warmup >= s.duration) ctx.addIssue({ code: 'custom', path: ['warmup'], message: `expected warmup (${s.warmup} s) to be shorter than duration (${s.duration} s)` });
  // Per-run counts are checked only where duration and the interval are within their own bounds (one message each).
  const durationInBounds = s.duration <= MAX_DURATION_S;
  const interval = s.outputs.timeseriesInterval;
  const buckets = durationInBounds && interval !== undefined && interval >= MIN_TIMESERIES_INTERVAL_S ? s.duration / interval : 0;
  if (buckets > MAX_TIMESERIES_BUCKETS) ctx.addIssue({ code: 'custom', path: ['outputs', 'timeseriesInterval'], message: `expected at most ${count(MAX_TIMESERIES_BUCKETS)} buckets per run, got ${count(Math.ceil(buckets))} (duration ${s.duration} s / ${interval} s)` });
  const rounds = durationInBounds && s.workload.kind === 'market' && s.market.interval >= MIN_MARKET_INTERVAL_S ? s.duration / s.market.interval : 0;
  if (rounds > MAX_MARKET_ROUNDS) ctx.addIssue({ code: 'custom', path: ['market', 'interval'], message: `expected at most ${count(MAX_MARKET_ROUNDS)} negotiation intervals per run, got ${count(Math.ceil(rounds))} (duration ${s.duration} s / ${s.market.interval} s)` });
  const checkContext = { nodes: s.network.nodes, agents: s.grid.agents };
  s.ledgers.forEach((l, i) => {
    const descriptor = LEDGER_KINDS.find((d) => d.kind === l.kind) as LedgerDescriptor<z.ZodType<LedgerConfig>> | undefined;
    for (const p of descriptor?.crossChecks?.(l, checkContext) ?? []) ctx.addIssue({ code: 'custom', path: ['ledgers', i, ...p.path], message: p.message });
    for (const [key, name] of deviceRoles(l)) {
      if (!(name in s.devices)) ctx.addIssue({ code: 'custom', path: ['ledgers', i, key], message: `expected a device class declared under devices (${Object.keys(s.devices).join(', ')}), got "${name}"` });
    }
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

/** The keys of a ledger configuration that name a device class (every `...Device` key), with the names. */
function deviceRoles(l: LedgerConfig): [string, string][] {
  return Object.entries(l).flatMap(([key, value]) => (key.endsWith('Device') && typeof value === 'string' ? [[key, value] as [string, string]] : []));
}
