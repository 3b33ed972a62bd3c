// dv2g compare: B - A per ledger, point and metric, paired over runs that share seeds (checked
// against a paired t interval computed by hand), Welch's interval where they do not.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareResults } from '../../src/compare/compareResults.js';
import { comparePage } from '../../src/compare/comparePage.js';
import { ScenarioError } from '../../src/scenario/problems.js';

function resultsDir(rows: { seed: number; latency: number; throughput: number }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dv2g-compare-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ scenario: { name: 'x', duration: 3600, warmup: 0, ledgers: [{ kind: 'tangle' }] }, runs: [] }));
  const lines = rows.map((r, i) => `p0-tangle-r${i},0,tangle,tangle,${i},${r.seed},100,${r.latency},${r.throughput}`);
  writeFileSync(join(dir, 'runs.csv'), ['run_id,point,ledger,ledger_kind,replication,seed,tx_submitted,latency_p95_s,throughput_tps', ...lines, ''].join('\n'));
  return dir;
}

const A = resultsDir([{ seed: 11, latency: 10, throughput: 5 }, { seed: 12, latency: 12, throughput: 5 }, { seed: 13, latency: 14, throughput: 5 }]);

describe('compareResults', () => {
  it('pairs runs that share seeds: the hand-computed paired t interval', () => {
    const B = resultsDir([{ seed: 11, latency: 11, throughput: 6 }, { seed: 12, latency: 15, throughput: 6 }, { seed: 13, latency: 16, throughput: 6 }]);
    const row = compareResults(A, B).rows.find((r) => r.metric === 'latency_p95_s')!;
    // differences 1, 3, 2: mean 2, sd 1; t(0.975, 2) = 4.302653; half width 4.302653 / sqrt(3) = 2.484138
    expect(row.difference.paired).toBe(true);
    expect(row.difference.n).toBe(3);
    expect(row.difference.mean).toBeCloseTo(2, 10);
    expect(row.difference.ci95Low).toBeCloseTo(2 - 2.484138, 5);
    expect(row.difference.ci95High).toBeCloseTo(2 + 2.484138, 5);
    expect([row.meanA, row.meanB]).toEqual([12, 14]);
  });

  it("falls back to Welch's interval where the seeds differ, wider than the paired one", () => {
    const B = resultsDir([{ seed: 21, latency: 11, throughput: 6 }, { seed: 22, latency: 15, throughput: 6 }, { seed: 23, latency: 16, throughput: 6 }]);
    const row = compareResults(A, B, ['latency_p95_s']).rows[0];
    expect(compareResults(A, B, ['latency_p95_s']).rows).toHaveLength(1);
    expect(row.difference.paired).toBe(false);
    expect(row.difference.mean).toBeCloseTo(2, 10);
    expect(row.difference.ci95High! - row.difference.ci95Low!).toBeGreaterThan(2 * 2.484138);
    expect(row.difference.ci95Low! + row.difference.ci95High!).toBeCloseTo(4, 8);
  });

  it('refuses a directory that holds no results and a metric neither has', () => {
    expect(() => compareResults(A, tmpdir())).toThrow(ScenarioError);
    expect(() => compareResults(A, A, ['latency_p59_s'])).toThrow(/latency_p59_s/);
  });

  it('writes a page with one row per comparison, escaping text', () => {
    const page = comparePage(compareResults(A, A));
    expect(page.match(/<tr>/g)).toHaveLength(1 + 3);
    expect(page).not.toMatch(/<script/);
  });
});
