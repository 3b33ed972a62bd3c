// Compares two results directories metric by metric: runs are matched by ledger and the swept
// values both directories share; where the matched runs share seeds the difference (B - A) is paired
// (Student-t over the seed pairs), otherwise Welch's unpaired interval is used.

import { existsSync } from 'node:fs';
import { mean } from 'simple-statistics';
import { join } from 'node:path';
import { pairedDifference, welchDifference, type Difference } from '../metrics/difference.js';
import { readResults, type Row } from '../report/resultsData.js';
import { ScenarioError } from '../scenario/problems.js';

export interface ComparisonRow {
  ledger: string;
  /** The swept values both directories share, e.g. "network.latency=0.5" ("all runs" without any). */
  point: string;
  metric: string;
  meanA: number | null;
  meanB: number | null;
  difference: Difference;
}

export interface Comparison {
  dirA: string;
  dirB: string;
  sharedKeys: string[];
  rows: ComparisonRow[];
}

const ID_COLUMNS = new Set(['run_id', 'point', 'ledger', 'ledger_kind', 'replication', 'seed']);

export function compareResults(dirA: string, dirB: string, metrics?: readonly string[]): Comparison {
  const problems = [dirA, dirB].filter((d) => !existsSync(join(d, 'manifest.json')) || !existsSync(join(d, 'runs.csv')));
  if (problems.length) throw new ScenarioError(problems.map((d) => ({ file: d, path: '', message: 'is not a results directory (expected manifest.json and runs.csv)' })));
  const a = readResults(dirA), b = readResults(dirB);
  const sharedKeys = a.sweptKeys.filter((k) => b.sweptKeys.includes(k));
  const metricsOf = (runs: Row[], swept: string[]) => Object.keys(runs[0] ?? {}).filter((c) => !ID_COLUMNS.has(c) && !swept.includes(c));
  const known = metricsOf(a.runs, a.sweptKeys).filter((m) => metricsOf(b.runs, b.sweptKeys).includes(m));
  const unknown = (metrics ?? []).filter((m) => !known.includes(m));
  if (unknown.length) throw new ScenarioError(unknown.map((m) => ({ file: '--metric', path: '', message: `"${m}" is not a metric of both directories (e.g. ${known.slice(0, 4).join(', ')})` })));
  const chosen = metrics?.length ? known.filter((m) => metrics.includes(m)) : known;

  const groupsA = groupRuns(a.runs, sharedKeys), groupsB = groupRuns(b.runs, sharedKeys);
  const rows: ComparisonRow[] = [];
  for (const [key, runsA] of groupsA) {
    const runsB = groupsB.get(key);
    if (!runsB) continue;
    const bySeed = new Map(runsA.map((r) => [Number(r.seed), r]));
    const pairs = runsB.filter((r) => bySeed.has(Number(r.seed))).map((r) => [bySeed.get(Number(r.seed)) as Row, r] as const);
    const paired = pairs.length > 0 && pairs.length === Math.min(runsA.length, runsB.length);
    for (const metric of chosen) {
      const xs = runsA.map((r) => numberOf(r[metric])), ys = runsB.map((r) => numberOf(r[metric]));
      const difference = paired ? pairedDifference(pairs.map(([ra, rb]) => [numberOf(ra[metric]), numberOf(rb[metric])])) : welchDifference(xs, ys);
      if (difference.n === 0) continue;
      rows.push({ ledger: String(runsA[0].ledger), point: pointLabel(runsA[0], sharedKeys), metric, meanA: meanOf(xs), meanB: meanOf(ys), difference });
    }
  }
  return { dirA, dirB, sharedKeys, rows };
}

function groupRuns(runs: Row[], keys: string[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const run of runs) {
    const key = JSON.stringify([run.ledger, ...keys.map((k) => run[k])]);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return groups;
}

function pointLabel(run: Row, keys: string[]): string {
  const parts = keys.filter((k) => run[k] !== null).map((k) => `${k}=${run[k]}`);
  return parts.length ? parts.join(', ') : 'all runs';
}

function numberOf(cell: Row[string]): number | null {
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
}

function meanOf(xs: (number | null)[]): number | null {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? mean(ys) : null;
}
