// results.duckdb and parquet/: every table reads back (through DuckDB and read_parquet) equal to its CSV;
// the fixed-column tables get their declared types.

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { SMALL_SCENARIO, tempDir } from '../runner/helpers.js';

type Value = string | number | null;

/** A cell as the CSV means it: empty is null, a number is a number, anything else text. */
function csvValue(text: string): Value {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function dbValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' || typeof value === 'number') return Number(value);
  return csvValue(String(value));
}

describe('results.duckdb and parquet/', { timeout: 60_000 }, () => {
  it('hold every CSV table, row for row and cell for cell', async () => {
    const dir = tempDir();
    await runScenario(parseScenario(SMALL_SCENARIO.replace('workload.rate: [2, 5]', 'workload.rate: [2]'), 'small.yaml'), { outDir: dir, workers: 1 });
    const tables = ['runs', 'aggregate', 'timeseries', 'transactions', 'paired'];
    for (const t of tables) expect(existsSync(join(dir, 'parquet', `${t}.parquet`))).toBe(true);
    const instance = await DuckDBInstance.create(join(dir, 'results.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      for (const table of tables) {
        const csv = parse(readFileSync(join(dir, `${table}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
        const expected = csv.map((row) => Object.values(row).map(csvValue));
        for (const source of [table, `read_parquet('${join(dir, 'parquet', `${table}.parquet`)}')`]) {
          const reader = await connection.runAndReadAll(`SELECT * FROM ${source}`);
          expect(reader.columnNames()).toEqual(Object.keys(csv[0]));
          expect(reader.getRowsJS().map((row) => row.map(dbValue))).toEqual(expected);
        }
      }
      // transactions has fixed column types (read without sniffing every row), the same whatever the values
      const described = await connection.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'transactions'`);
      const types = Object.fromEntries(described.getRowsJS().map(([name, type]) => [name, type]));
      expect(types).toMatchObject({ run_id: 'VARCHAR', ledger: 'VARCHAR', tx_id: 'BIGINT', issuer: 'BIGINT', size_bytes: 'DOUBLE', fee: 'DOUBLE', latency_s: 'DOUBLE' });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
