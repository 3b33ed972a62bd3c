// paired.csv rows: each ledger's difference to the first ledger per sweep point and metric, over
// replications that share seeds; a ledger run that stands for several points is paired at each.

import { describe, expect, it } from 'vitest';
import { pairedRows, type RunMetrics } from '../../src/output/pairedRows.js';
import type { RunSpec } from '../../src/scenario/runList.js';

function run(ledger: string, ledgerIndex: number, point: number, covers: number[], replication: number, latency: number): RunMetrics {
  const values: Record<string, unknown> = ledgerIndex === 0 ? { alpha: point } : {};
  const spec: RunSpec = { runId: `p${point}-${ledger}-r${replication}`, point, values, covers, ledgerIndex, ledger, ledgerKind: ledgerIndex === 0 ? 'tangle' : 'lightchain', replication, seed: 100 + replication };
  return { spec, metrics: { latency_p95_s: latency, tips_mean: ledgerIndex === 0 ? 3 : null } };
}

describe('pairedRows', () => {
  const runs = [
    run('tangle', 0, 0, [0], 0, 10), run('tangle', 0, 0, [0], 1, 20), run('tangle', 0, 0, [0], 2, 30),
    run('tangle', 0, 1, [1], 0, 12), run('tangle', 0, 1, [1], 1, 22), run('tangle', 0, 1, [1], 2, 35),
    run('lightchain', 1, 0, [0, 1], 0, 4), run('lightchain', 1, 0, [0, 1], 1, 5), run('lightchain', 1, 0, [0, 1], 2, 6),
  ];
  const cell = (values: Record<string, unknown>, key: string) => (values[key] ?? null) as number | null;
  const rows = pairedRows(runs, ['latency_p95_s', 'tips_mean'], cell, ['alpha']);

  it('pairs by seed at every point the runs stand for, skipping metrics without pairs', () => {
    expect(rows.map((r) => [r.point, r.alpha, r.ledger, r.baseline, r.metric, r.n])).toEqual([
      [0, 0, 'lightchain', 'tangle', 'latency_p95_s', 3],
      [1, 1, 'lightchain', 'tangle', 'latency_p95_s', 3],
    ]);
  });

  it('gives the mean paired difference with a t interval around it', () => {
    // point 0: differences -6, -15, -24 (mean -15, sd 9); point 1: -8, -17, -29 (mean -18)
    expect(rows[0].difference_mean).toBeCloseTo(-15, 10);
    expect(rows[1].difference_mean).toBeCloseTo(-18, 10);
    const half = 4.302653 * 9 / Math.sqrt(3);
    expect(rows[0].difference_ci95_low).toBeCloseTo(-15 - half, 4);
    expect(rows[0].difference_ci95_high).toBeCloseTo(-15 + half, 4);
  });
});
