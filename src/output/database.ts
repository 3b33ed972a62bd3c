// results.duckdb and parquet/: the CSV tables of a results directory loaded into one DuckDB database
// and copied to Parquet files, by DuckDB itself (read_csv streams, so a 10-million-row table never
// sits in this process's memory). Both are built beside their final names, then renamed into place.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${literal(join(outDir, `${table}.csv`))}, header = true, sample_size = -1)`);
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

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
