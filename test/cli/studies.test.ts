// The CLI's helps for a study: bundled scenarios by name, "did you mean" for commands and options,
// metrics in --json, a warning for a ledger that can confirm nothing, and `dv2g compare`.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

function dv2g(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [...loaderFlags(), MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dv2g CLI for studies', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const study = join(dir, 'study.yaml');
  writeFileSync(study, `name: study
duration: 5m
replications: 2
workload: {kind: poisson, rate: 2}
network: {nodes: 10}
ledgers: [{kind: tangle, tipSelection: mcmc, confirmationWeight: 3}, {kind: pow, blockInterval: 30s, miners: 2}]
sweep: {params: {network.latency: [100ms, 1s], "ledgers[tangle].alpha": [0, 1]}}
outputs: {database: false, report: false}
`);

  it('takes a bundled scenario by name from any directory, and suggests one for a typo', () => {
    expect(dv2g(['validate', 'quickstart'], dir)).toMatchObject({ code: 0 });
    const r = dv2g(['validate', 'quickstrat'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean the bundled scenario "quickstart"?');
  });

  it('suggests the nearest command and option', () => {
    expect(dv2g(['rnu', study])).toMatchObject({ code: 2, stderr: expect.stringContaining('Did you mean run?') });
    const r = dv2g(['validate', study, '--replicatons', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean --replications');
  });

  it('warns, without failing, when a chain block cannot hold one transaction', () => {
    const r = dv2g(['validate', study, '--set', 'ledgers[1].blockSize=300', '--set', 'workload.txSize=400']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning:');
    expect(r.stderr).toContain('ledgers[1].blockSize: 300 bytes');
    expect(dv2g(['validate', study]).stderr).not.toContain('warning:');
  });

  it('runs a ledger-scoped sweep with metrics in --json, numbers in SI units, and compares two results directories', () => {
    const a = join(dir, 'a'), b = join(dir, 'b');
    const r = dv2g(['run', study, '--out', a, '--workers', '1', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { runs: number; aggregate: Record<string, unknown>[] };
    expect(summary.runs).toBe(2 * 2 * 2 + 2 * 2);
    expect(summary.aggregate).toHaveLength(4 + 2);
    expect(summary.aggregate[0]).toMatchObject({ ledger: 'tangle', 'network.latency': 0.1, 'ledgers[tangle].alpha': 0, n: 2 });
    expect(typeof summary.aggregate[0].throughput_tps_mean).toBe('number');
    expect(summary.aggregate.find((row) => row.ledger === 'pow')).toMatchObject({ 'ledgers[tangle].alpha': null });
    expect(readFileSync(join(a, 'paired.csv'), 'utf8').split(/\r?\n/)[0]).toBe('point,network.latency,ledgers[tangle].alpha,ledger,baseline,metric,n,difference_mean,difference_ci95_low,difference_ci95_high');

    expect(dv2g(['run', study, '--out', b, '--workers', '1', '--quiet', '--set', 'ledgers[1].blockInterval=60s']).code).toBe(0);
    const page = join(dir, 'compare.html');
    const c = dv2g(['compare', a, b, '--metric', 'latency_p95_s', '--html', page]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/pow\s+network\.latency=0\.1\s+latency_p95_s/);
    expect(existsSync(page)).toBe(true);
    const json = JSON.parse(dv2g(['compare', a, b, '--json']).stdout) as { rows: { ledger: string; difference: { paired: boolean; mean: number } }[] };
    expect(json.rows.every((row) => row.difference.paired)).toBe(true);
    expect(json.rows.filter((row) => row.ledger === 'tangle').every((row) => row.difference.mean === 0)).toBe(true);
  });
});
