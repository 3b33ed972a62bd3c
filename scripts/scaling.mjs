// How dv2g's runs scale with threads on this machine: each scenario run with `--workers N` for each N, one
// after another, with its wall time, its speed-up over the first N, its peak memory and whether its CSVs are
// byte-identical to the first N's (the README's "4, 8 and 16 threads" table was measured this way).
// Usage: node scripts/scaling.mjs [--threads 1,4,8,16] [--out DIR] [--keep] SCENARIO...

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CLI = join(HERE, '..', 'bin', 'dv2g.js');
/** Loaded into each run's process: writes its peak resident memory (all its threads) to a file at exit. */
const PEAK_RSS = join(HERE, 'peakRss.cjs');
/** The result files compared across thread counts (those a run wrote). */
const CSVS = ['runs.csv', 'aggregate.csv', 'timeseries.csv', 'market.csv', 'evs.csv', 'transactions.csv', 'blocks.csv'];

const usage = 'usage: node scripts/scaling.mjs [--threads 1,4,8,16] [--out DIR] [--keep] SCENARIO...';
let options;
try {
  options = parseArgs({ allowPositionals: true, options: { threads: { type: 'string', default: '1,4,8,16' }, out: { type: 'string' }, keep: { type: 'boolean', default: false } } });
} catch (error) {
  fail(`${error.message}\n${usage}`);
}
const threads = options.values.threads.split(',').map((t) => Number(t));
if (threads.some((n) => !Number.isInteger(n) || n < 1)) fail(`--threads: expected whole numbers >= 1 separated by commas, got "${options.values.threads}"`);
if (options.positionals.length === 0) fail(usage);
for (const scenario of options.positionals) if (!existsSync(scenario)) fail(`${scenario}: no such scenario file`);
const outRoot = options.values.out ?? mkdtempSync(join(tmpdir(), 'dv2g-scaling-'));

const rows = [];
for (const scenario of options.positionals) {
  let first;
  for (const n of threads) {
    const out = join(outRoot, `${basename(scenario).replace(/\.(ya?ml|json)$/, '')}-w${n}`);
    process.stderr.write(`scaling: ${scenario} on ${n} thread(s) -> ${out}\n`);
    const { seconds, peakBytes } = await runOnce(scenario, n, out);
    const hashes = csvHashes(out);
    first ??= { seconds, hashes };
    const identical = CSVS.every((file) => hashes[file] === first.hashes[file]);
    rows.push({ scenario, threads: n, seconds, speedUp: first.seconds / seconds, peakGiB: peakBytes / 2 ** 30, identical, files: Object.keys(hashes).length });
    if (!options.values.keep) rmSync(out, { recursive: true, force: true });
  }
}
console.log('scenario\tthreads\twall_s\tspeed_up\tpeak_gib\tcsvs_identical');
for (const r of rows) console.log([r.scenario, r.threads, r.seconds.toFixed(1), r.speedUp.toFixed(2), r.peakGiB.toFixed(2), r.identical ? `yes (${r.files} files)` : 'NO'].join('\t'));
if (rows.some((r) => !r.identical)) process.exitCode = 1;

/** One `dv2g run` on `n` workers into `out`: its wall time and peak RSS; a failed run ends the script. */
async function runOnce(scenario, n, out) {
  const rssFile = join(outRoot, `.peak-rss-${process.pid}`);
  const started = performance.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PEAK_RSS, CLI, 'run', scenario, '--workers', String(n), '--out', out, '--no-report', '--quiet'], { stdio: 'inherit', env: { ...process.env, DV2G_PEAK_RSS_FILE: rssFile } });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) fail(`dv2g run ${scenario} --workers ${n} exited with code ${code}`);
  const peakBytes = Number(readFileSync(rssFile, 'utf8')) * 1024;
  rmSync(rssFile, { force: true });
  return { seconds, peakBytes };
}

/** SHA-256 of each compared CSV that `dir` holds. */
function csvHashes(dir) {
  return Object.fromEntries(CSVS.filter((file) => existsSync(join(dir, file))).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

function fail(message) {
  process.stderr.write(`scaling: ${message}\n`);
  process.exit(2);
}
