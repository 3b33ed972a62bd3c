// The shipped command (bin/dv2g.js running the esbuild bundle in dist/bundle/) behaves as the CLI run from
// source: built here from the current source into a temporary package, it gives the same help, the same
// located errors, and byte-identical results for runs spread over worker threads (the pool's) and runs
// split over threads from the command's own thread (the partitions'): those threads load the unbundled
// dist/ modules, found from the bundle by projectModule.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SOURCE_MAIN = join(ROOT, 'src/cli/main.ts');

const SCENARIO = `
name: bundle
seed: 5
duration: 3h
replications: 2
fleet: {size: 120}
grid: {agents: 3}
network: {nodes: 12, degree: 4}
ledgers:
  - {kind: tangle, tipSelection: urts, confirmationWeight: 3}
  - {kind: pow, blockInterval: 2m, miners: 4}
outputs: {transactions: true, timeseriesInterval: 30m}
`;

function node(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled CLI', () => {
  const pkg = tempDir('dv2g-bundle-');
  const work = tempDir();
  const scenario = join(work, 'bundle.yaml');
  const bundled = (args: string[]) => node([join(pkg, 'bin', 'dv2g.js'), ...args], work);
  const fromSource = (args: string[]) => node([...loaderFlags(), SOURCE_MAIN, ...args], work);

  beforeAll(() => {
    // A package like a fresh install's: its own build of the current source, the repository's packages.
    for (const file of ['package.json', 'bin']) cpSync(join(ROOT, file), join(pkg, file), { recursive: true });
    for (const folder of ['node_modules', 'scenarios']) symlinkSync(join(ROOT, folder), join(pkg, folder));
    mkdirSync(join(pkg, 'dist'));
    const tsc = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(pkg, 'dist')], ROOT);
    expect(tsc.stdout + tsc.stderr).toBe('');
    const bundle = node([join(ROOT, 'scripts/bundle-cli.mjs'), join(pkg, 'dist')], ROOT);
    expect(bundle.code, bundle.stderr).toBe(0);
    writeFileSync(scenario, SCENARIO);
  }, 120_000);

  afterAll(() => {
    rmSync(pkg, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('is split by command: the help loads the entry and its shared chunks, not the runner or the report', () => {
    const files = readdirSync(join(pkg, 'dist', 'bundle'));
    expect(files).toContain('main.js');
    expect(files.some((f) => /^writeReport-.*\.js$/.test(f))).toBe(true);
    expect(readFileSync(join(pkg, 'dist', 'bundle', 'main.js'), 'utf8')).not.toContain('class Piscina');
  });

  it("leaves out zod's translations of its error messages (300 KB that every scenario-reading command would compile)", () => {
    const sources = readdirSync(join(pkg, 'dist', 'bundle'))
      .filter((f) => f.endsWith('.js.map'))
      .flatMap((f) => (JSON.parse(readFileSync(join(pkg, 'dist', 'bundle', f), 'utf8')) as { sources: string[] }).sources);
    expect(sources.some((s) => s.includes('zod/v4/core/'))).toBe(true);
    expect(sources.filter((s) => s.includes('zod/v4/locales/')).map((s) => s.split('/').pop())).toEqual(['en.js']);
  });

  it("builds no ICU text data when it loads: yargs' emoji regex is left out, segmenters wait for help text that is not plain ASCII", () => {
    const bundle = join(pkg, 'dist', 'bundle');
    const code = readdirSync(bundle).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(bundle, f), 'utf8')).join('\n');
    expect(code).not.toContain('RGI_Emoji');
    expect(code).not.toMatch(/new Intl\.Segmenter\b/);
    expect(code).toContain('new LazySegmenter');
    const sources = readdirSync(bundle).filter((f) => f.endsWith('.js.map')).flatMap((f) => (JSON.parse(readFileSync(join(bundle, f), 'utf8')) as { sources: string[] }).sources);
    const widths = new Set(sources.filter((s) => s.endsWith('/string-width/index.js')));
    expect([...widths].some((s) => s.includes('cliui/node_modules/string-width/'))).toBe(true);
    expect([...widths].filter((s) => /(^|\.\.\/)node_modules\/string-width\//.test(s))).toEqual([]);
    // Help text of printable ASCII is measured without segmenting it.
    expect(sources.some((s) => s.endsWith('cli/asciiStringWidth.ts'))).toBe(true);
  });

  it('prints the same help and the same errors as the source', () => {
    for (const args of [['--help'], ['run', '--help'], ['validate', scenario, '--set', 'fleet.size=-1'], ['frobnicate']]) {
      const [a, b] = [bundled(args), fromSource(args)];
      expect(a, args.join(' ')).toEqual(b);
    }
    expect(bundled(['validate', scenario]).code).toBe(0);
  });

  it('gives byte-identical results, runs spread over workers and one run split over threads', () => {
    const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const reference = join(work, 'source');
    expect(fromSource(['run', scenario, '--out', reference, '--workers', '1', '--no-report', '--quiet']).code).toBe(0);
    for (const [name, options] of [['spread', ['--workers', '2']], ['split', ['--workers', '1', '--split', '2']]] as const) {
      const out = join(work, name);
      const r = bundled(['run', scenario, '--out', out, '--no-report', '--quiet', ...options]);
      expect(r.code, r.stderr).toBe(0);
      expect(outputs(out), name).toEqual(outputs(reference));
    }
    expect(Object.keys(outputs(reference))).toEqual(expect.arrayContaining(['runs.csv', 'transactions.csv', 'evs.csv']));
  }, 120_000);
});
