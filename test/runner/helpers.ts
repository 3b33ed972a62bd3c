// Shared helpers for runner and CLI tests: temporary results directories and file snapshots.

import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CSV_FILES = ['runs.csv', 'aggregate.csv', 'timeseries.csv', 'transactions.csv', 'blocks.csv'] as const;

export function tempDir(prefix = 'dv2g-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The CSV files of a results directory, as text (missing files as null). */
export function csvSnapshot(dir: string): Record<string, string | null> {
  return Object.fromEntries(CSV_FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null]));
}

/** A small poisson scenario over all three ledger kinds with a sweep and replications. */
export const SMALL_SCENARIO = `
name: small
seed: 11
duration: 10m
warmup: 1m
replications: 2
workload: {kind: poisson, rate: 5}
network: {nodes: 20, degree: 4, latency: 200ms}
ledgers:
  - {kind: tangle, tipSelection: urts, confirmationWeight: 5}
  - {kind: pow, blockInterval: 60s, miners: 4}
  - {kind: lightchain, blockInterval: 10s}
sweep:
  params:
    workload.rate: [2, 5]
outputs: {transactions: true, blocks: true}
`;

/** A tiny poisson scenario: three quick runs of one tangle ledger, with a transactions file each. */
export const TINY_SCENARIO = `
name: tiny
seed: 5
duration: 5m
replications: 3
workload: {kind: poisson, rate: 2}
network: {nodes: 10}
ledgers: [{kind: tangle, tipSelection: urts, confirmationWeight: 3}]
outputs: {transactions: true}
`;
