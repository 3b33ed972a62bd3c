// The per-run store inside a results directory (`.runs/`), the records stage between runs and files:
// each finished run leaves `<run_id>.json` (its metrics and rows) and, when asked, side files of rows
// without a header: `<run_id>.transactions.csv`, `<run_id>.blocks.csv` and `<run_id>.evs.csv`. The JSON names the run, seed,
// scenario hash and dv2g version and carries the SHA-256 of its payload and of each side file; it is
// renamed into place last, so a valid one means the run is complete (used by --resume, merge and the
// final status).

import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricValue } from '../metrics/runMetrics.js';
import type { MarketIntervalRecord } from '../model/workload/workload.js';
import type { RunSpec } from '../scenario/runList.js';
import { writeFileAtomic } from '../io/atomicFile.js';
import { StoreError, type StoreProblem } from './storeError.js';

export { StoreError, type StoreProblem } from './storeError.js';
import { EV_COLUMNS } from '../model/charging/owners.js';

export const STORE_DIR = '.runs';
/** Version of the stored run's layout; a file of another version is re-run or refused. */
export const STORE_FORMAT = 1;

export interface TimeseriesRow {
  t_s: number;
  submitted: number;
  confirmed: number;
  tips: number | null;
  mempool: number | null;
  price: number | null;
  energy_kwh: number | null;
  load_kw: number | null;
  v2g_capacity_kw: number | null;
  charging_kw: number | null;
  v2g_energy_kwh: number | null;
  deficit_kw: number | null;
  ledger_bytes: number;
}

export interface StoredRun {
  run: RunSpec;
  metrics: Record<string, MetricValue>;
  timeseries: TimeseriesRow[];
  market: MarketIntervalRecord[];
  wallSeconds: number;
  eventsPerSecond: number;
}

/** What a stored run must match to count: the run and seed of the run list, the scenario and dv2g version. */
export interface StoreIdentity {
  scenarioSha256: string;
  dv2gVersion: string;
}

interface StoredFile {
  format: number;
  run_id: string;
  seed: number;
  scenario_sha256: string;
  dv2g_version: string;
  /** SHA-256 of each side file, or null when the run wrote none. */
  transactions_sha256: string | null;
  blocks_sha256: string | null;
  evs_sha256: string | null;
  /** SHA-256 of JSON.stringify(payload). */
  checksum: string;
  payload: StoredRun;
}

export const TRANSACTION_COLUMNS = ['run_id', 'ledger', 'tx_id', 'issuer', 'size_bytes', 'value', 'fee', 'submitted_s', 'confirmed_s', 'latency_s'] as const;

export const BLOCK_COLUMNS = ['run_id', 'ledger', 'block_id', 'parent_id', 'height', 'producer', 'found_s', 'size_bytes', 'tx_count', 'main'] as const;

export const EV_FILE_COLUMNS = ['run_id', 'ledger', ...EV_COLUMNS] as const;

/** The side files a run may leave beside its JSON (rows without a header). */
export const SIDE_FILES = ['transactions', 'blocks', 'evs'] as const;
export type SideFile = (typeof SIDE_FILES)[number];

/** SHA-256 of each side file written, null for one not written. */
export type SideFileHashes = Record<SideFile, string | null>;

export function storePaths(outDir: string, runId: string): { json: string } & Record<SideFile, string> {
  return {
    json: join(outDir, STORE_DIR, `${runId}.json`),
    transactions: join(outDir, STORE_DIR, `${runId}.transactions.csv`),
    blocks: join(outDir, STORE_DIR, `${runId}.blocks.csv`),
    evs: join(outDir, STORE_DIR, `${runId}.evs.csv`),
  };
}

export function hasStoredRun(outDir: string, runId: string): boolean {
  return existsSync(storePaths(outDir, runId).json);
}

/** Writes a finished run's JSON (after its side files, whose hashes it records). */
export function writeStoredRun(outDir: string, stored: StoredRun, identity: StoreIdentity, sides: SideFileHashes): void {
  const payload = JSON.stringify(stored);
  const header: Omit<StoredFile, 'payload'> = {
    format: STORE_FORMAT,
    run_id: stored.run.runId,
    seed: stored.run.seed,
    scenario_sha256: identity.scenarioSha256,
    dv2g_version: identity.dv2gVersion,
    transactions_sha256: sides.transactions,
    blocks_sha256: sides.blocks,
    evs_sha256: sides.evs,
    checksum: sha256(payload),
  };
  writeFileAtomic(storePaths(outDir, stored.run.runId).json, `${JSON.stringify(header).slice(0, -1)},"payload":${payload}}`);
}

/** Why the stored run of `run` cannot be used (missing, damaged or another run's), or undefined when it is sound. */
export function storedRunProblem(outDir: string, run: RunSpec, identity: StoreIdentity): StoreProblem | undefined {
  const checked = checkStoredRun(outDir, run, identity);
  return 'reason' in checked ? checked : undefined;
}

/** The stored run of `run` once its JSON and every side file are checked (hashes, identity), or why it cannot be used. */
export function checkStoredRun(outDir: string, run: RunSpec, identity: StoreIdentity): StoredRun | StoreProblem {
  const read = readStoredFile(outDir, run, identity);
  if ('reason' in read) return read;
  const paths = storePaths(outDir, run.runId);
  for (const side of SIDE_FILES) {
    const path = paths[side];
    const recorded = read[`${side}_sha256`];
    if (recorded === null || recorded === undefined) {
      if (existsSync(path)) return { path, reason: "is not recorded in its run's JSON" };
      continue;
    }
    if (!existsSync(path)) return { path, reason: 'is missing' };
    if (fileSha256(path) !== recorded) return { path, reason: 'is damaged (checksum mismatch)' };
  }
  return read.payload;
}

/** The stored run of `run`, checked against its checksum and identity; throws StoreError when unusable. */
export function readStoredRun(outDir: string, run: RunSpec, identity: StoreIdentity): StoredRun {
  const read = readStoredFile(outDir, run, identity);
  if ('reason' in read) throw new StoreError(read);
  return read.payload;
}

function readStoredFile(outDir: string, run: RunSpec, identity: StoreIdentity): StoredFile | StoreProblem {
  const path = storePaths(outDir, run.runId).json;
  if (!existsSync(path)) return { path, reason: 'is missing' };
  let file: Partial<StoredFile>;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredFile>;
  } catch (error) {
    return { path, reason: `is damaged (${(error as Error).message.replace(/\s+/g, ' ')})` };
  }
  if (file === null || typeof file !== 'object' || file.format !== STORE_FORMAT || typeof file.payload !== 'object' || file.payload === null) {
    return { path, reason: `is not a stored run of format ${STORE_FORMAT}` };
  }
  if (sha256(JSON.stringify(file.payload)) !== file.checksum) return { path, reason: 'is damaged (checksum mismatch)' };
  const expected: [string, unknown, unknown][] = [
    ['run id', file.run_id, run.runId],
    ['seed', file.seed, run.seed],
    ['scenario sha256', file.scenario_sha256, identity.scenarioSha256],
    ['dv2g version', file.dv2g_version, identity.dv2gVersion],
    ['payload run id', file.payload.run?.runId, run.runId],
  ];
  for (const [what, found, wanted] of expected) {
    if (found !== wanted) return { path, reason: `does not belong here (${what} ${String(found)}, expected ${String(wanted)})` };
  }
  return file as StoredFile;
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** SHA-256 of a file, read in 1 MiB pieces so a large transactions file never sits in memory whole. */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Streams a stored side file (rows, no header) chunk by chunk, as bytes: they are copied, never decoded. */
export function sideFileChunks(outDir: string, runId: string, side: SideFile): AsyncIterable<Buffer> | undefined {
  const path = storePaths(outDir, runId)[side];
  return existsSync(path) ? createReadStream(path, { highWaterMark: 1 << 20 }) : undefined;
}
