// Time-series rows for charts: the first replication of every sweep point and ledger, thinned to
// at most MAX_BUCKETS buckets per run (every k-th bucket, so the choice is deterministic).

import { timeUnitFor, type TimeUnit } from '../chart.js';
import { pointOf, replicationOf, type ResultsData, type Row } from '../resultsData.js';

const MAX_BUCKETS = 300;

export type SeriesRow = {
  ledger: string;
  point_label: string;
  t: number;
  value: number;
};

export interface Series {
  rows: SeriesRow[];
  unit: TimeUnit;
}

/** The non-missing values of one timeseries.csv column, or null when the column is empty throughout. */
export function firstReplicationSeries(data: ResultsData, column: string): Series | null {
  const replication = replicationOf(data);
  const point = pointOf(data);
  const byRun = new Map<string, Row[]>();
  for (const row of data.timeseries) {
    const runId = String(row.run_id);
    if (replication.get(runId) !== 0 || typeof row[column] !== 'number') continue;
    const rows = byRun.get(runId);
    if (rows) rows.push(row);
    else byRun.set(runId, [row]);
  }
  if (byRun.size === 0) return null;
  const unit = timeUnitFor(data.manifest.scenario.duration);
  const rows: SeriesRow[] = [];
  for (const [runId, runRows] of byRun) {
    const stride = Math.ceil(runRows.length / MAX_BUCKETS);
    const label = data.pointLabels.get(point.get(runId) ?? 0) ?? '';
    runRows.forEach((row, i) => {
      if (i % stride !== 0 && i !== runRows.length - 1) return;
      rows.push({ ledger: String(row.ledger), point_label: label, t: Number(row.t_s) / unit.divisor, value: row[column] as number });
    });
  }
  return { rows, unit };
}
