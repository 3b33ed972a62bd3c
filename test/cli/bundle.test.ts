// The shipped command (bin/dv2g.js running the esbuild bundle dist/bundle/cli.js from its code cache)
// behaves as the CLI run from source: built here from the current source into a temporary package, it
// starts from the cache its build wrote (one per set of Node flags, a damaged one rewritten, the newest
// eight kept), gives the same version, help, located errors, and byte-identical results for runs spread
// over worker threads (the pool's) and runs split over threads from the command's own thread (the
// partitions'): those threads load the unbundled dist/ modules, found from the bundle by projectModule.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';
import { CODE_CACHES_KEPT } from '../../src/cli/bundledCli.js';

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
  /** The files the bundle was made of, from its source map. */
  const bundleSources = () => (JSON.parse(readFileSync(join(pkg, 'dist', 'bundle', 'cli.js.map'), 'utf8')) as { sources: string[] }).sources;

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
    const loader = pathToFileURL(join(pkg, 'dist', 'cli', 'bundledCli.js')).href;
    writeFileSync(
      join(work, 'probe.mjs'),
      `import { createRequire } from 'node:module';
const { loadBundledCli } = await import(${JSON.stringify(loader)});
const cli = loadBundledCli();
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
process.on('exit', () => write(JSON.stringify({ codeCache: cli.codeCache, file: cli.codeCacheFile, loaded: Object.keys(createRequire(import.meta.url).cache) })));
await cli.runCli(['validate', ${JSON.stringify(scenario)}]);
`,
    );
  }, 120_000);

  afterAll(() => {
    rmSync(pkg, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** Starts the package's bundle through the loader bin/dv2g.js uses (with `flags` for Node) and says what its code cache did. */
  const probe = (flags: string[] = []) => {
    const r = node([...flags, join(work, 'probe.mjs')], work);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { codeCache: string; file: string; loaded: string[] };
  };
  const cacheFiles = () => readdirSync(join(pkg, 'dist', 'bundle', 'code-cache'));

  it('is one script, started from the code cache its build wrote; a command loads no package it does not use', () => {
    expect(readdirSync(join(pkg, 'dist', 'bundle')).sort()).toEqual(['cli.js', 'cli.js.map', 'code-cache', 'start.cjs']);
    // ASCII, which the loader reads as Latin-1.
    expect(readFileSync(join(pkg, 'dist', 'bundle', 'cli.js')).every((byte) => byte < 128)).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
    const started = probe();
    expect(started.codeCache).toBe('used');
    expect(cacheFiles()).toEqual([basename(started.file)]);
    // `validate` runs without the worker pool, the PNG renderer or DuckDB (outside the bundle: node_modules).
    expect(started.loaded.filter((f) => /node_modules[\\/](piscina|@resvg|@duckdb)/.test(f))).toEqual([]);
  });

  it('keeps a cache per set of Node flags, and compiles from source when a cache is missing or corrupt', () => {
    const flags = ['--max-semi-space-size=32'];
    const first = probe(flags);
    expect(first.codeCache).toBe('missing');
    expect(probe(flags)).toMatchObject({ codeCache: 'used', file: first.file });
    expect(cacheFiles()).toHaveLength(2);
    writeFileSync(first.file, Buffer.alloc(4096, 7));
    expect(probe(flags).codeCache).toBe('rejected');
    expect(probe(flags).codeCache).toBe('used');
    expect(probe().codeCache).toBe('used');
  });

  it('keeps the most recently written caches only', () => {
    const folder = join(pkg, 'dist', 'bundle', 'code-cache');
    const old = Array.from({ length: CODE_CACHES_KEPT }, (_, i) => join(folder, `cli-old${i}.bin`));
    old.forEach((file, i) => {
      writeFileSync(file, 'stale');
      utimesSync(file, 1_000 + i, 1_000 + i);
    });
    const before = cacheFiles().filter((f) => !f.startsWith('cli-old'));
    const written = probe(['--max-semi-space-size=64']);
    expect(written.codeCache).toBe('missing');
    expect(cacheFiles()).toHaveLength(CODE_CACHES_KEPT);
    expect(cacheFiles()).toEqual(expect.arrayContaining([...before, basename(written.file)]));
    expect(probe().codeCache).toBe('used');
  });

  it("leaves out zod's translations of its error messages (300 KB that every scenario-reading command would compile)", () => {
    const sources = bundleSources();
    expect(sources.some((s) => s.includes('zod/v4/core/'))).toBe(true);
    // English and the locales' index (its re-exports of the others, which the bundle drops), no other language.
    expect(sources.filter((s) => s.includes('zod/v4/locales/')).map((s) => s.split('/').pop())).toEqual(['en.js', 'index.js']);
  });

  it("builds no ICU text data when it loads: yargs' emoji regex is left out, segmenters wait for help text that is not plain ASCII", () => {
    const code = readFileSync(join(pkg, 'dist', 'bundle', 'cli.js'), 'utf8');
    expect(code).not.toContain('RGI_Emoji');
    expect(code).not.toMatch(/new Intl\.Segmenter\b/);
    expect(code).toContain('new LazySegmenter');
    const sources = bundleSources();
    const widths = new Set(sources.filter((s) => s.endsWith('/string-width/index.js')));
    expect([...widths].some((s) => s.includes('cliui/node_modules/string-width/'))).toBe(true);
    expect([...widths].filter((s) => /(^|\.\.\/)node_modules\/string-width\//.test(s))).toEqual([]);
    // Help text of printable ASCII is measured without segmenting it.
    expect(sources.some((s) => s.endsWith('cli/asciiStringWidth.ts'))).toBe(true);
  });

  it('prints the same version, help and errors as the source', () => {
    for (const args of [['--version'], ['--help'], ['run', '--help'], ['validate', scenario, '--set', 'fleet.size=-1'], ['frobnicate']]) {
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
