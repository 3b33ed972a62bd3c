// Writes the CSV files of a results directory (runs.csv, aggregate.csv, timeseries.csv,
// market.csv, transactions.csv, blocks.csv, evs.csv, paired.csv) from the run store, in run-list order, so the bytes never
// depend on which worker or shard produced a run.

import { join } from 'node:path';
import { METRICS } from '../metrics/runMetrics.js';
import { summarize } from '../metrics/aggregate.js';
import type { RunSpec } from '../scenario/runList.js';
import { existsSync } from 'node:fs';
import { BLOCK_COLUMNS, EV_FILE_COLUMNS, readStoredRun, storePaths, sideFileChunks, TRANSACTION_COLUMNS, type SideFile, type StoredRun, type StoreIdentity } from '../store/runStore.js';
import { CheckedStore } from '../store/checkedStore.js';
import { AtomicWriter, writeFileAtomic } from '../io/atomicFile.js';
import { csvHeader, csvRows, type Cell } from './csv.js';
import { PAIRED_COLUMNS, pairedRows } from './pairedRows.js';
import { buildDatabase } from './database.js';

const RUN_COLUMNS = ['run_id', 'point', 'ledger', 'ledger_kind', 'replication', 'seed'];
const GROUP_COLUMNS = ['point', 'ledger', 'ledger_kind'];
const TIMESERIES_COLUMNS = ['run_id', 'ledger', 't_s', 'submitted', 'confirmed', 'tips', 'mempool', 'price', 'energy_kwh', 'ledger_bytes', 'load_kw', 'v2g_capacity_kw', 'charging_kw', 'v2g_energy_kwh', 'deficit_kw'];
const MARKET_COLUMNS = ['run_id', 'ledger', 't_s', 'agent', 'price', 'energy_kwh', 'demand_kwh', 'evs', 'grid_cost', 'ev_revenue', 'social_welfare', 'optimal_welfare', 'optimal_price', 'optimal_energy_kwh', 'charging_kw', 'v2g_capacity_kw', 'v2g_energy_kwh'];

export interface ResultFilesOptions {
  outDir: string;
  /** The finished runs to write, in run-list order (their stored runs checked against `identity`). */
  runs: RunSpec[];
  identity: StoreIdentity;
  /** The store's runs already checked and prepared (resultStore), e.g. while other runs still ran; default a fresh one. */
  store?: ResultStore;
  sweptKeys: string[];
  transactions: boolean;
  /** Also load the tables into results.duckdb and parquet/. */
  database?: boolean;
  /** Write blocks.csv (outputs.blocks). */
  blocks?: boolean;
  /**
   * Started once every CSV is written, while the database builds (the report reads the CSVs); writeResultFiles
   * waits for it and returns how it settled, its failure never undoing the files.
   */
  afterCsvs?: () => Promise<(() => void) | undefined>;
}

/** A stored run's timeseries and market rows as CSV text (tagged with its run id and ledger). */
interface RunRowsCsv {
  timeseries: string;
  market: string;
}

/** What the result files need of a stored run: its summary, and its rows' CSV text while the store's text budget lasts. */
export interface AssembledRun extends Pick<StoredRun, 'run' | 'metrics' | 'wallSeconds' | 'eventsPerSecond'> {
  rows?: RunRowsCsv;
}

export type ResultStore = CheckedStore<AssembledRun>;

/** Characters of rows' CSV text a result store keeps between a run's end and the assembly (runs beyond it are formatted then). */
export const PREPARED_TEXT_BUDGET = 256 * 2 ** 20;

/** The stored runs of `outDir`, each checked and its rows formatted once (CheckedStore), while `budget` lasts. */
export function resultStore(outDir: string, identity: StoreIdentity, budget = PREPARED_TEXT_BUDGET): ResultStore {
  let kept = 0;
  return new CheckedStore(outDir, identity, (stored) => {
    const { run, metrics, wallSeconds, eventsPerSecond } = stored;
    if (kept >= budget) return { run, metrics, wallSeconds, eventsPerSecond };
    const rows = runRowsCsv(stored);
    kept += rows.timeseries.length + rows.market.length;
    return { run, metrics, wallSeconds, eventsPerSecond, rows };
  });
}

function runRowsCsv({ run, timeseries, market }: StoredRun): RunRowsCsv {
  const tag = { run_id: run.runId, ledger: run.ledger };
  return {
    timeseries: csvRows(timeseries as unknown as Record<string, Cell>[], TIMESERIES_COLUMNS, tag),
    market: csvRows(market as unknown as Record<string, Cell>[], MARKET_COLUMNS, tag),
  };
}

export async function writeResultFiles(options: ResultFilesOptions): Promise<PromiseSettledResult<(() => void) | undefined> | undefined> {
  const { outDir, runs, sweptKeys } = options;
  const store = options.store ?? resultStore(outDir, options.identity);
  const sweptCell = (values: Record<string, unknown>, key: string): Cell => {
    const v = values[key];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
  };

  // One pass over the run store (each run checked and formatted once, perhaps while the others ran): the
  // row files are streamed run by run; only metrics are kept.
  const series = new AtomicWriter(join(outDir, 'timeseries.csv'));
  const market = new AtomicWriter(join(outDir, 'market.csv'));
  const stored: Pick<StoredRun, 'run' | 'metrics'>[] = [];
  let anyMarketRows = false;
  try {
    series.write(csvHeader(TIMESERIES_COLUMNS));
    market.write(csvHeader(MARKET_COLUMNS));
    for (const spec of runs) {
      const { run, metrics, rows = runRowsCsv(readStoredRun(outDir, spec, store.identity)) } = store.get(spec);
      stored.push({ run, metrics });
      series.write(rows.timeseries);
      market.write(rows.market);
      anyMarketRows ||= rows.market.length > 0;
    }
    series.commit();
    if (anyMarketRows) market.commit();
    else market.abandon();
  } catch (error) {
    series.abandon();
    market.abandon();
    throw error;
  }

  const metricColumns = metricColumnsOf(stored);
  const runRows = stored.map(({ run, metrics }) => ({
    run_id: run.runId, point: run.point, ledger: run.ledger, ledger_kind: run.ledgerKind, replication: run.replication, seed: run.seed,
    ...Object.fromEntries(sweptKeys.map((k) => [k, sweptCell(run.values, k)])),
    ...metrics,
  }));
  const runColumns = [...RUN_COLUMNS, ...sweptKeys, ...metricColumns];
  writeFileAtomic(join(outDir, 'runs.csv'), csvHeader(runColumns) + csvRows(runRows, runColumns));

  const groups = new Map<string, Pick<StoredRun, 'run' | 'metrics'>[]>();
  for (const s of stored) {
    const key = `${s.run.point}\u0000${s.run.ledger}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const aggregateColumns = [...GROUP_COLUMNS, ...sweptKeys, 'n', ...metricColumns.flatMap((m) => [`${m}_mean`, `${m}_sd`, `${m}_ci95_low`, `${m}_ci95_high`])];
  const aggregateRows = [...groups.values()].map((group) => {
    const { run } = group[0];
    const row: Record<string, Cell> = { point: run.point, ledger: run.ledger, ledger_kind: run.ledgerKind, n: group.length };
    for (const k of sweptKeys) row[k] = sweptCell(run.values, k);
    for (const m of metricColumns) {
      const s = summarize(group.map((g) => g.metrics[m] ?? null));
      Object.assign(row, { [`${m}_mean`]: s.mean, [`${m}_sd`]: s.sd, [`${m}_ci95_low`]: s.ci95Low, [`${m}_ci95_high`]: s.ci95High });
    }
    return row;
  });
  writeFileAtomic(join(outDir, 'aggregate.csv'), csvHeader(aggregateColumns) + csvRows(aggregateRows, aggregateColumns));

  const paired = pairedRows(runs.map((spec, i) => ({ spec, metrics: stored[i].metrics })), metricColumns, sweptCell, sweptKeys);
  const pairedColumns = ['point', ...sweptKeys, ...PAIRED_COLUMNS.slice(1)];
  if (paired.length) writeFileAtomic(join(outDir, 'paired.csv'), csvHeader(pairedColumns) + csvRows(paired, pairedColumns));

  // blocks' column types are inferred from its CSV, so it is written before the database starts; the
  // database reads evs and transactions from the runs' row files while their CSVs are concatenated.
  if (options.blocks) await concatenateSideFiles(outDir, 'blocks', BLOCK_COLUMNS, runs);
  const rowFiles = (side: SideFile) => runs.map((run) => storePaths(outDir, run.runId)[side]).filter((path) => existsSync(path));
  const evsFiles = rowFiles('evs');
  const fixedTables = { ...(options.transactions ? { transactions: rowFiles('transactions') } : {}), ...(evsFiles.length ? { evs: evsFiles } : {}) };
  const concatenation = (async () => {
    if (options.transactions) await concatenateSideFiles(outDir, 'transactions', TRANSACTION_COLUMNS, runs);
    if (evsFiles.length) await concatenateSideFiles(outDir, 'evs', EV_FILE_COLUMNS, runs);
  })();
  const database = options.database ? buildDatabase(outDir, fixedTables) : undefined;
  const afterCsvs = options.afterCsvs;
  const alongside = afterCsvs ? concatenation.then(() => afterCsvs()) : undefined;
  const [concatenated, built, beside] = await Promise.allSettled([concatenation, database, alongside]);
  // The database takes its place only beside CSVs that were all written.
  if (concatenated.status === 'rejected') {
    if (built.status === 'fulfilled') built.value?.abandon();
    throw concatenated.reason;
  }
  if (built.status === 'rejected') throw built.reason;
  built.value?.commit();
  return afterCsvs ? beside : undefined;
}

/** SPEC.md's metrics, then the ledger-specific extras of these runs in sorted order. */
function metricColumnsOf(stored: Pick<StoredRun, 'metrics'>[]): string[] {
  const known = new Set<string>(METRICS);
  const extras = new Set<string>();
  for (const s of stored) for (const k of Object.keys(s.metrics)) if (!known.has(k)) extras.add(k);
  return [...METRICS, ...[...extras].sort()];
}

/** Writes `<side>.csv`: one header, then each run's stored rows in run-list order (runs without a file are skipped). */
async function concatenateSideFiles(outDir: string, side: SideFile, columns: readonly string[], runs: RunSpec[]): Promise<void> {
  const writer = new AtomicWriter(join(outDir, `${side}.csv`));
  try {
    writer.write(csvHeader(columns));
    for (const run of runs) for await (const chunk of sideFileChunks(outDir, run.runId, side) ?? []) writer.write(chunk);
    writer.commit();
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
