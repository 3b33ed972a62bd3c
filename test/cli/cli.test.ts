// The dv2g command line end to end (through tsx, from source): exit codes, messages, files written.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
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
    // A thread count is quoted as typed (not as yargs' NaN or 0), and nothing is written.
    const out = join(dir, 'out-bad-threads');
    for (const [option, value] of [['--workers', 'abc'], ['--workers', ''], ['--split', '0'], ['--split', '2.5']]) {
      const r = dv2g(['run', good, '--out', out, option, value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: ${option}: expected a whole number >= 1, got ${JSON.stringify(value)}\n`);
    }
    expect(dv2g(['run', good, '--out', out, '--split', '2', '--split', '3']).stderr).toBe('error: --split: given 2 times, expected once\n');
    expect(existsSync(out)).toBe(false);
    // The benchmark's options are checked before any workload runs (it would take minutes).
    for (const [args, message] of [
      [['--repeat', '0'], '--repeat: expected a whole number >= 1, got "0"'],
      [['--repeat', 'abc'], '--repeat: expected a whole number >= 1, got "abc"'],
      [['--ratio-tolerance', 'x'], '--ratio-tolerance: expected a share from 0 up to 1 (e.g. 0.3), got "x"'],
      [['--ratio-tolerance', '1.5'], '--ratio-tolerance: expected a share from 0 up to 1 (e.g. 0.3), got "1.5"'],
      [['--only', 'nope'], '--only: unknown workload "nope"; expected one of '],
    ] as const) {
      const bench = dv2g(['bench', '--quick', ...args]);
      expect(bench.code).toBe(2);
      expect(bench.stderr).toContain(`error: ${message}`);
      expect(bench.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('lists bundled scenarios and has --help on every command', () => {
    expect(dv2g(['scenarios']).stdout).toContain('quickstart.yaml');
    for (const cmd of ['run', 'validate', 'scenarios', 'merge']) expect(dv2g([cmd, '--help']).stdout).toContain(`dv2g ${cmd}`);
  });
});

describe('dv2g CLI on hostile input and resource limits', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const scenario = (name: string, text: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:/);

  it('a path-climbing ledger label, an alias bomb and a UTF-16 file: one message each, exit 2, nothing written', () => {
    const label = scenario('label.yaml', 'name: label\nduration: 1m\nledgers: [{kind: tangle, label: "x/../../../../ESCAPED"}]\n');
    const out = join(dir, 'deep', 'a', 'out');
    const run = dv2g(['run', label, '--out', out, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${label}:3: ledgers[0].label: expected at most 64 letters, digits`);
    expect(existsSync(join(dir, 'deep'))).toBe(false);
    expect(existsSync(join(dir, 'ESCAPED'))).toBe(false);

    const bomb = scenario('bomb.yaml', `name: bomb\na: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`).join('\n')}\n`);
    const utf16 = scenario('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: u\n', 'utf16le')]));
    for (const [file, expected] of [[bomb, 'alias'], [utf16, 'UTF-16']]) {
      const r = dv2g(['validate', file]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: ${file}: .*${expected}`))]);
      noTrace(r.stderr);
    }
  });

  it('--seed abc is blamed on the option; --set ledgers[99] is one message; a circular --set alias is refused', () => {
    const three = scenario('three.yaml', 'name: three\nledgers: [{kind: tangle}, {kind: pow}, {kind: lightchain}]\n');
    const seed = dv2g(['validate', three, '--seed', 'abc']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toBe('error: --seed: expected a whole number, got "abc"\n');
    const index = dv2g(['validate', three, '--set', 'ledgers[99].alpha=1', '--set', 'description=&a [*a]']);
    expect(index.code).toBe(2);
    expect(index.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('ledgers[99].alpha: ledgers has 3 entries (0-2)'),
      expect.stringContaining('description: circular YAML alias'),
    ]);
    noTrace(index.stderr);
  });

  it('what cannot fit in memory is refused with the estimate (exit 2, nothing written) unless --force', () => {
    const huge = scenario('huge.yaml', 'name: huge\nduration: 366d\nmarket: {interval: 1h}\nfleet: {size: 10000000}\nledgers: [{kind: tangle}, {kind: pow}]\n');
    const out = join(dir, 'out-huge');
    const run = dv2g(['run', huge, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would not fit in memory: 2 runs; estimated peak memory [\d.]+ [TP]B per run, .* this machine has [\d.]+ [GT]B/);
    expect(existsSync(out)).toBe(false);
    const forced = dv2g(['validate', huge, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('(does not fit; --force given)');
  });

  it('--workers is capped at the number of runs, or the cores where there are fewer runs', () => {
    const good = scenario('good.yaml', 'name: good\nduration: 2m\nworkload: {kind: poisson, rate: 1}\nnetwork: {nodes: 10}\nledgers: [{kind: tangle, tipSelection: urts, confirmationWeight: 3}]\n');
    const out = join(dir, 'out-workers');
    const r = dv2g(['run', good, '--out', out, '--workers', '1000', '--json', '--no-report']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).workers).toBe(availableParallelism());
  });
});
