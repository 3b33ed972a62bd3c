// results.duckdb and parquet/: the CSV tables of a results directory loaded into one DuckDB database
// and copied to Parquet files, by DuckDB itself (read_csv streams, so a 10-million-row table never
// sits in this process's memory). Both are built beside their final names, then renamed into place.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EV_FILE_COLUMNS, TRANSACTION_COLUMNS } from '../store/runStore.js';

/** The tables of SPEC.md, each written where its CSV file exists. */
export const DATABASE_TABLES = ['runs', 'aggregate', 'timeseries', 'market', 'transactions', 'blocks', 'evs', 'paired'] as const;

export const DATABASE_FILE = 'results.duckdb';
export const PARQUET_DIR = 'parquet';

/** Writes results.duckdb and parquet/<table>.parquet for every table's CSV in `outDir`; returns the tables written. */
export async function writeDatabase(outDir: string): Promise<string[]> {
  const tables = DATABASE_TABLES.filter((t) => existsSync(join(outDir, `${t}.csv`)));
  const databaseTmp = join(outDir, `${DATABASE_FILE}.tmp-${process.pid}`);
  const parquetTmp = join(outDir, `${PARQUET_DIR}.tmp-${process.pid}`);
  rmSync(databaseTmp, { force: true });
  rmSync(`${databaseTmp}.wal`, { force: true });
  rmSync(parquetTmp, { recursive: true, force: true });
  mkdirSync(parquetTmp);
  // Loaded here, not at start-up: the native library costs every other command nothing.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(databaseTmp);
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${literal(join(outDir, `${table}.csv`))}, header = true, ${columnTypes(table)})`);
      await connection.run(`COPY ${table} TO ${literal(join(parquetTmp, `${table}.parquet`))} (FORMAT parquet)`);
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  rmSync(join(outDir, DATABASE_FILE), { force: true });
  rmSync(join(outDir, PARQUET_DIR), { recursive: true, force: true });
  renameSync(databaseTmp, join(outDir, DATABASE_FILE));
  renameSync(parquetTmp, join(outDir, PARQUET_DIR));
  return tables;
}

/**
 * The tables that grow with the fleet and the traffic have fixed columns, so their types are given
 * (text, whole-number ids, the rest DOUBLE: the same in every results directory) and DuckDB reads them
 * without first sniffing every row for types, which took most of the database's time (a 3.5-million-row
 * evs.csv: 6.5 s -> 1.7 s). The other tables' columns depend on the scenario; their types are inferred
 * from every row (sample_size = -1), so a column empty in its first rows still gets its type.
 */
const FIXED_COLUMNS: Partial<Record<(typeof DATABASE_TABLES)[number], readonly string[]>> = { evs: EV_FILE_COLUMNS, transactions: TRANSACTION_COLUMNS };
const TEXT_COLUMNS = new Set(['run_id', 'ledger']);
const ID_COLUMNS = new Set(['ev_id', 'agent', 'tx_id', 'issuer']);

function columnTypes(table: (typeof DATABASE_TABLES)[number]): string {
  const columns = FIXED_COLUMNS[table];
  if (!columns) return 'sample_size = -1';
  const type = (column: string) => (TEXT_COLUMNS.has(column) ? 'VARCHAR' : ID_COLUMNS.has(column) ? 'BIGINT' : 'DOUBLE');
  return `types = {${columns.map((column) => `${literal(column)}: ${literal(type(column))}`).join(', ')}}`;
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
