// The dv2g command line end to end (through tsx, from source): exit codes, messages, files written.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const LOADER = loaderFlags();

function dv2g(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [...LOADER, MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dv2g CLI', () => {
  const dir = tempDir();
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'name: bad\nduraton: 1h\nledgers: []\n');
  const good = join(dir, 'good.yaml');
  writeFileSync(good, 'name: good\nduration: 5m\nworkload: {kind: poisson, rate: 2}\nnetwork: {nodes: 10}\nledgers: [{kind: tangle, tipSelection: urts, confirmationWeight: 3}]\n');

  it('validate: one located message per problem, exit 2, nothing written', () => {
    const r = dv2g(['validate', bad], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: duraton: unknown key "duraton"; did you mean "duration"?`);
    expect(r.stderr).toContain(`${bad}:3: ledgers: expected at least one ledger`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('run on a bad scenario writes nothing and exits 2', () => {
    const out = join(dir, 'out-bad');
    expect(dv2g(['run', bad, '--out', out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('validate --print shows the resolved scenario', () => {
    const r = dv2g(['validate', good, '--print', '--set', 'ledgers[0].alpha=0.2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('duration: 300');
    expect(r.stdout).toContain('alpha: 0.2');
  });

  it('run writes the results files and a summary; --json is machine-readable', () => {
    const out = join(dir, 'out-good');
    const r = dv2g(['run', good, '--out', out, '--workers', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'complete', runs: 1 });
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['manifest.json', 'runs.csv', 'aggregate.csv', 'timeseries.csv']));
    const table = dv2g(['run', good, '--out', out, '--workers', '1']);
    expect(table.stdout).toMatch(/tangle\s+1\s+\d+/);
    expect(table.stdout).toContain('complete: 1 runs');
  });

  it('bad options exit 2', () => {
    expect(dv2g(['run', good, '--shard', '4/3']).code).toBe(2);
    expect(dv2g(['frobnicate']).code).toBe(2);
  });

  it('lists bundled scenarios and has --help on every command', () => {
    expect(dv2g(['scenarios']).stdout).toContain('quickstart.yaml');
    for (const cmd of ['run', 'validate', 'scenarios', 'merge']) expect(dv2g([cmd, '--help']).stdout).toContain(`dv2g ${cmd}`);
  });
});
