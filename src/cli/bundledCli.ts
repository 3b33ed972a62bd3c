// Runs the bundled command line (dist/bundle/cli.js, built by scripts/bundle-cli.mjs) as one script
// compiled with V8's code cache, so that a command's start neither parses nor compiles what it runs.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle bin/dv2g.js runs: this module sits in dist/cli/, the bundle in dist/bundle/. */
export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/cli.js', import.meta.url));

/** What the code cache did for this start: `used`; `missing` or `rejected` (then written when the process exits). */
export type CodeCacheUse = 'used' | 'missing' | 'rejected';

export interface BundledCli {
  runCli(argv: string[]): Promise<void>;
  codeCache: CodeCacheUse;
  codeCacheFile: string;
}

/**
 * Loads the bundle with its code cache. V8 accepts a cache only from the same V8 version and flags and
 * the same source length, so the cache file is named by Node's version, its command-line flags and the
 * bundle's size and time: a build, a Node upgrade or a run with other flags gets its own file. When the
 * cache is missing or rejected, the bundle is compiled as any script is (slower: the whole file is
 * parsed) and a cache is written when the process exits, holding every function the command compiled;
 * a folder that cannot be written (a read-only install) only leaves the start slower.
 */
export function loadBundledCli(file: string = BUNDLE_FILE): BundledCli {
  // esbuild writes the bundle in ASCII (charset: 'ascii'), which Latin-1 reads as is, without UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const codeCacheFile = codeCacheFileFor(file);
  const cachedData = readIfPresent(codeCacheFile);
  // The bundle is one function expression of CommonJS's module arguments (its banner and footer).
  const script = new Script(source, { filename: file, cachedData });
  const codeCache: CodeCacheUse = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  if (codeCache !== 'used') process.once('exit', () => writeCodeCache(script, codeCacheFile));
  const module = { exports: {} as { runCli?: BundledCli['runCli'] } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.runCli !== 'function') throw new Error(`${file} does not export runCli: rebuild with \`npm run build\``);
  return { runCli: module.exports.runCli, codeCache, codeCacheFile };
}

/** The cache file for this bundle under this Node and its flags: dist/bundle/code-cache/cli-<hash>.bin. */
function codeCacheFileFor(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const key = [process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? '', size, mtimeMs].join('\n');
  return join(dirname(file), 'code-cache', `${basename(file, '.js')}-${fnv1a(key)}.bin`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The most cache files kept (about 1.3 MB each): runs with ever new flags (a profile's folder, say) replace the oldest. */
export const CODE_CACHES_KEPT = 8;

/** Written whole under a temporary name, then renamed, so that a start running beside it never reads half a cache. */
function writeCodeCache(script: Script, file: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
    removeOldestCaches(dirname(file), file);
  } catch {
    rmSync(partial, { force: true });
  }
}

function removeOldestCaches(folder: string, written: string): void {
  const caches = readdirSync(folder)
    .filter((name) => name.endsWith('.bin'))
    .map((name) => join(folder, name))
    .filter((path) => path !== written)
    .map((path) => ({ path, mtimeMs: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of caches.slice(CODE_CACHES_KEPT - 1)) rmSync(path, { force: true });
}

/** 32-bit FNV-1a hash of `text` as 8 hex digits: names a cache file, no more. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
