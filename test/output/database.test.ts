// results.duckdb and parquet/: every table reads back (through DuckDB and read_parquet) equal to its CSV,
// evs and transactions too, which are read from the runs' row files while their CSVs are written; the
// fixed-column tables get their declared types; a database is not put beside CSVs that failed.

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { writeResultFiles } from '../../src/output/resultFiles.js';
import { dv2gVersion } from '../../src/output/version.js';
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

/** A market day whose first sweep point has no EVs: its runs' evs and transactions files are empty. */
const MARKET_SCENARIO = `
name: evsdb
seed: 3
duration: 3h
replications: 2
fleet: {size: 30}
grid: {agents: 2}
network: {nodes: 10}
ledgers: [{kind: pow, blockInterval: 60s, miners: 4}]
sweep: {params: {fleet.size: [0, 30]}}
outputs: {transactions: true}
`;

async function expectTablesEqualCsv(dir: string, tables: string[]): Promise<void> {
  for (const t of tables) expect(existsSync(join(dir, 'parquet', `${t}.parquet`))).toBe(true);
  const instance = await DuckDBInstance.create(join(dir, 'results.duckdb'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const csv = parse(readFileSync(join(dir, `${table}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(csv.length, table).toBeGreaterThan(0);
      const expected = csv.map((row) => Object.values(row).map(csvValue));
      for (const source of [table, `read_parquet('${join(dir, 'parquet', `${table}.parquet`)}')`]) {
        const reader = await connection.runAndReadAll(`SELECT * FROM ${source}`);
        expect(reader.columnNames()).toEqual(Object.keys(csv[0]));
        expect(reader.getRowsJS().map((row) => row.map(dbValue))).toEqual(expected);
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('results.duckdb and parquet/', { timeout: 60_000 }, () => {
  it('hold evs and transactions read from the runs\' row files, in run order, empty files included', async () => {
    const dir = tempDir();
    await runScenario(parseScenario(MARKET_SCENARIO, 'evsdb.yaml'), { outDir: dir, workers: 2 });
    const runIds = (parse(readFileSync(join(dir, 'runs.csv'), 'utf8'), { columns: true }) as { run_id: string }[]).map((r) => r.run_id);
    const evsRuns = [...new Set((parse(readFileSync(join(dir, 'evs.csv'), 'utf8'), { columns: true }) as { run_id: string }[]).map((r) => r.run_id))];
    expect(evsRuns).toEqual(runIds.filter((id) => id.startsWith('p1')));
    await expectTablesEqualCsv(dir, ['evs', 'transactions', 'runs']);
  });

  it('is not put in place when a CSV it belongs with could not be written', async () => {
    const dir = tempDir();
    const loaded = parseScenario(MARKET_SCENARIO, 'evsdb.yaml');
    await runScenario(loaded, { outDir: dir, workers: 1 });
    for (const path of ['results.duckdb', 'parquet', 'evs.csv']) rmSync(join(dir, path), { recursive: true });
    // A folder where evs.csv goes: the concatenated file cannot be renamed into place.
    mkdirSync(join(dir, 'evs.csv', 'blocker'), { recursive: true });
    writeFileSync(join(dir, 'evs.csv', 'blocker', 'file'), '');
    const runs = buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications);
    const identity = { scenarioSha256: loaded.sha256, dv2gVersion: dv2gVersion() };
    await expect(writeResultFiles({ outDir: dir, runs, identity, sweptKeys: ['fleet.size'], transactions: true, database: true, blocks: false })).rejects.toThrow(/evs\.csv/);
    expect(readdirSync(dir).filter((f) => f.includes('duckdb') || f.includes('parquet'))).toEqual([]);
  });

  it('hold every CSV table, row for row and cell for cell', async () => {
    const dir = tempDir();
    await runScenario(parseScenario(SMALL_SCENARIO.replace('workload.rate: [2, 5]', 'workload.rate: [2]'), 'small.yaml'), { outDir: dir, workers: 1 });
    const tables = ['runs', 'aggregate', 'timeseries', 'transactions', 'paired'];
    await expectTablesEqualCsv(dir, tables);
    const instance = await DuckDBInstance.create(join(dir, 'results.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
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
