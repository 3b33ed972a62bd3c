// results.duckdb and parquet/: the CSV tables of a results directory loaded into one DuckDB database
// and copied to Parquet files, by DuckDB itself (read_csv streams, so a 10-million-row table never
// sits in this process's memory). Both are built beside their final names, then renamed into place.
// The fixed-column tables (evs, transactions) may instead be read from the runs' stored row files, the
// rows their CSV is concatenated from, in the same order, so the database need not wait for that CSV.

import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EV_FILE_COLUMNS, TRANSACTION_COLUMNS } from '../store/runStore.js';
import { sqlLiteral as literal } from './sqlLiteral.js';

/** The tables of SPEC.md, each written where its CSV file exists. */
export const DATABASE_TABLES = ['runs', 'aggregate', 'timeseries', 'market', 'transactions', 'blocks', 'evs', 'paired'] as const;

export const DATABASE_FILE = 'results.duckdb';
export const PARQUET_DIR = 'parquet';

export type DatabaseTable = (typeof DATABASE_TABLES)[number];
export type FixedColumnTable = 'evs' | 'transactions';

/** A database built beside its final names: `commit` puts it in place of the old one, `abandon` removes it. */
export interface BuiltDatabase {
  tables: string[];
  commit(): void;
  abandon(): void;
}

/**
 * Builds results.duckdb and parquet/<table>.parquet for every table's CSV in `outDir`, and for each table
 * of `rowFiles` from those headerless files, in order (its CSV is then not read, nor need it exist yet).
 */
export async function buildDatabase(outDir: string, rowFiles: Partial<Record<FixedColumnTable, readonly string[]>> = {}): Promise<BuiltDatabase> {
  const tables = DATABASE_TABLES.filter((t) => (isFixed(t) && rowFiles[t]) || existsSync(join(outDir, `${t}.csv`)));
  const databaseTmp = join(outDir, `${DATABASE_FILE}.tmp-${process.pid}`);
  const parquetTmp = join(outDir, `${PARQUET_DIR}.tmp-${process.pid}`);
  const abandon = () => {
    rmSync(databaseTmp, { force: true });
    rmSync(`${databaseTmp}.wal`, { force: true });
    rmSync(`${databaseTmp}.tmp`, { recursive: true, force: true });
    rmSync(parquetTmp, { recursive: true, force: true });
  };
  abandon();
  mkdirSync(parquetTmp);
  // Loaded here, not at start-up: the native library costs every other command nothing.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(databaseTmp, { memory_limit: DATABASE_MEMORY_LIMIT }).catch((error: unknown) => {
    abandon();
    throw error;
  });
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const files = isFixed(table) ? rowFiles[table] : undefined;
      await connection.run(files ? createFromRowFiles(table as FixedColumnTable, files) : `CREATE TABLE ${table} AS SELECT * FROM read_csv(${literal(join(outDir, `${table}.csv`))}, header = true, ${columnTypes(table)})`);
      await connection.run(`COPY ${table} TO ${literal(join(parquetTmp, `${table}.parquet`))} (FORMAT parquet)`);
    }
    await connection.run('CHECKPOINT');
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    abandon();
    throw error;
  }
  connection.closeSync();
  instance.closeSync();
  const commit = () => {
    rmSync(join(outDir, DATABASE_FILE), { force: true });
    rmSync(join(outDir, PARQUET_DIR), { recursive: true, force: true });
    renameSync(databaseTmp, join(outDir, DATABASE_FILE));
    renameSync(parquetTmp, join(outDir, PARQUET_DIR));
  };
  return { tables, commit, abandon };
}

/**
 * DuckDB's own memory limit while it builds the database (its buffers; it allocates a little beyond them). Left to
 * itself it takes up to 80% of the machine's memory, growing with the rows and with its threads, one per core: a
 * 10-million-row evs table and its Parquet copy took 1.3 GB on 2 threads and 2.5 GB on 16 (3.3 GB on 64), with this
 * limit 0.71-0.74 GB (16 threads: 0.79 GB) in the same time (12.2 s against 11.4-12.6 s on 2 threads). The rows
 * stream from the files to the table and on to Parquet, so the limit does not hold them back (256 MB: 0.42-0.51 GB,
 * but 3-10% slower); DuckDB spills to `<database>.tmp` what must wait.
 */
export const DATABASE_MEMORY_LIMIT = '512MB';

/**
 * The tables that grow with the fleet and the traffic have fixed columns, so their types are given
 * (text, whole-number ids, the rest DOUBLE: the same in every results directory) and DuckDB reads them
 * without first sniffing every row for types, which took most of the database's time (a 3.5-million-row
 * evs.csv: 6.5 s -> 1.7 s). The other tables' columns depend on the scenario; their types are inferred
 * from every row (sample_size = -1), so a column empty in its first rows still gets its type.
 */
const FIXED_COLUMNS: Record<FixedColumnTable, readonly string[]> = { evs: EV_FILE_COLUMNS, transactions: TRANSACTION_COLUMNS };
const TEXT_COLUMNS = new Set(['run_id', 'ledger']);
const ID_COLUMNS = new Set(['ev_id', 'agent', 'tx_id', 'issuer']);

function isFixed(table: DatabaseTable): table is FixedColumnTable {
  return table in FIXED_COLUMNS;
}

function columnType(column: string): string {
  return TEXT_COLUMNS.has(column) ? 'VARCHAR' : ID_COLUMNS.has(column) ? 'BIGINT' : 'DOUBLE';
}

/** `{'name': 'TYPE', ...}` for a fixed-column table. */
function columnMap(table: FixedColumnTable): string {
  return `{${FIXED_COLUMNS[table].map((column) => `${literal(column)}: ${literal(columnType(column))}`).join(', ')}}`;
}

function columnTypes(table: DatabaseTable): string {
  return isFixed(table) ? `types = ${columnMap(table)}` : 'sample_size = -1';
}

/**
 * The table from headerless row files, read in the order given. The dialect is stated, not sniffed (a
 * run's few rows could mislead a sniffer), and empty files are left out (there is nothing to sniff or read);
 * with none left the table is created empty, as from a CSV of just its header.
 */
function createFromRowFiles(table: FixedColumnTable, files: readonly string[]): string {
  const nonEmpty = files.filter((file) => statSync(file).size > 0);
  if (nonEmpty.length === 0) return `CREATE TABLE ${table} (${FIXED_COLUMNS[table].map((column) => `"${column}" ${columnType(column)}`).join(', ')})`;
  return `CREATE TABLE ${table} AS SELECT * FROM read_csv([${nonEmpty.map(literal).join(', ')}], auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', columns = ${columnMap(table)})`;
}
