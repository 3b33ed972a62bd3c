// The owners' net benefits the report charts, read from evs.csv by DuckDB: only the net benefit of each EV
// that had a session, per run. evs.csv has a row per EV and run (a 1,000,000-EV day: 166 MB), so it is never
// parsed into row objects here; DuckDB streams it on its own threads (0.5 s for that day instead of 16 s).

import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sqlLiteral } from '../output/sqlLiteral.js';

/** The net benefits of one run's EVs that had a session, in no particular order. */
export interface OwnerBenefitRun {
  runId: string;
  ledger: string;
  values: Float64Array;
}

const NEEDED = ['run_id', 'ledger', 'arrival_s', 'net_benefit'];
const TEXT_COLUMNS = new Set(['run_id', 'ledger']);
const HEADER_BYTES = 64 * 1024;

/**
 * Each run's owners' net benefits from `resultsDir`/evs.csv, in the order of `runIds` (runs.csv's, which is
 * evs.csv's), then any run found only in evs.csv by id. Empty without evs.csv or with one lacking the columns.
 */
export async function readOwnerBenefits(resultsDir: string, runIds: readonly string[]): Promise<OwnerBenefitRun[]> {
  const file = join(resultsDir, 'evs.csv');
  const header = existsSync(file) ? headerOf(file) : [];
  if (!NEEDED.every((column) => header.includes(column))) return [];
  // Loaded here, not at start-up: the native library costs the commands that draw no report nothing.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // The dialect and every column's type are stated (text for the labels, DOUBLE for the rest), not sniffed.
    const columns = `{${header.map((c) => `${sqlLiteral(c)}: '${TEXT_COLUMNS.has(c) ? 'VARCHAR' : 'DOUBLE'}'`).join(', ')}}`;
    const result = await connection.run(`SELECT run_id, ledger, list(net_benefit) FROM read_csv(${sqlLiteral(file)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', columns = ${columns}) WHERE arrival_s IS NOT NULL AND net_benefit IS NOT NULL GROUP BY run_id, ledger`);
    const runs = (await result.getRows()).map(([runId, ledger, list]) => ({
      runId: String(runId),
      ledger: String(ledger),
      values: Float64Array.from((list as { items: number[] }).items),
    }));
    const position = new Map(runIds.map((id, i) => [id, i]));
    const rank = (run: OwnerBenefitRun) => position.get(run.runId) ?? runIds.length;
    return runs.sort((a, b) => rank(a) - rank(b) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0) || (a.ledger < b.ledger ? -1 : a.ledger > b.ledger ? 1 : 0));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The column names on evs.csv's first line. */
function headerOf(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0)).toString('utf8');
    const line = text.split(/\r?\n/, 1)[0];
    return line ? (parse(line) as string[][])[0] : [];
  } finally {
    closeSync(fd);
  }
}
