// `dv2g run <scenario>`: every sweep point x ledger x replication into a results directory.

import type { CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadScenario } from '../scenario/load.js';
import { resolveScenarioArgument } from '../scenario/bundled.js';
import { scenarioWarnings } from '../scenario/warnings.js';
import { runScenario, type Shard } from '../runner/runScenario.js';
import { progressReporter } from './progress.js';
import { summaryTable } from './summaryTable.js';
import { writeReport } from './reportCommand.js';
import { withScenarioOptions } from './scenarioOptions.js';
import { EXIT, withScenarioErrors } from './exitCodes.js';
import { ScenarioError } from '../scenario/problems.js';

interface RunArgs {
  scenario: string;
  out?: string;
  seed?: number;
  replications?: number;
  workers: number;
  set: string[];
  shard?: string;
  resume: boolean;
  quiet: boolean;
  json: boolean;
  report: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'run a scenario file (every sweep point x ledger x replication)',
  builder: (y) =>
    withScenarioOptions(y)
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml or .json), or the name of a bundled scenario (dv2g scenarios lists them)' })
      .option('out', { type: 'string', describe: 'results directory [default: results/<scenario name>]' })
      .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker threads; 1 runs in-process' })
      .option('shard', { type: 'string', describe: 'run only the i-th of n slices of the run list, e.g. 2/4 (1-based)' })
      .option('resume', { type: 'boolean', default: false, describe: 'skip runs whose results already exist in --out' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('json', { type: 'boolean', default: false, describe: 'print a machine-readable summary on stdout' })
      .option('report', { type: 'boolean', default: true, describe: 'build charts, report.html and notebook.ipynb at the end (--no-report skips; so does outputs.report: false)' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const shard = args.shard === undefined ? undefined : parseShard(args.shard);
      if (!(Number.isInteger(args.workers) && args.workers >= 1)) throw usage('--workers', `expected a whole number >= 1, got ${args.workers}`);
      const loaded = loadScenario(resolveScenarioArgument(args.scenario), { set: args.set, seed: args.seed, replications: args.replications });
      if (!args.quiet) for (const warning of scenarioWarnings(loaded)) process.stderr.write(`warning: ${warning}\n`);
      const outDir = args.out ?? `results/${loaded.scenario.name}`;
      const reporter = progressReporter(args.quiet || args.json ? 'quiet' : 'auto');
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT.interrupted);
        process.stderr.write('\ndv2g: interrupted; keeping finished runs (Ctrl-C again to quit at once)\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      const summary = await runScenario(loaded, { outDir, workers: args.workers, shard, resume: args.resume, signal: controller.signal, onProgress: (p) => reporter.update(p) });
      reporter.stop();
      process.off('SIGINT', onSigint);

      for (const f of summary.failures) process.stderr.write(`error: run ${f.runId} (seed ${f.seed}) failed: ${f.error}\n`);
      if (args.json) {
        const aggregate = summary.runs.length ? aggregateRows(outDir) : [];
        process.stdout.write(`${JSON.stringify({ outDir: summary.outDir, status: summary.status, runs: summary.runs.length, failures: summary.failures, aggregate }, null, 2)}\n`);
      } else if (!args.quiet) {
        if (summary.runs.length) process.stdout.write(`\n${summaryTable(outDir)}\n`);
        process.stdout.write(`\n${summary.status}: ${summary.runs.length} runs; results in ${relative(process.cwd(), outDir) || '.'}/\n`);
      }
      const finished = summary.manifest.runs.some((r) => r.status === 'complete' || r.status === 'skipped');
      if (args.report && loaded.scenario.outputs.report && finished && summary.status !== 'interrupted') await writeReport(outDir, args.quiet || args.json);
      if (summary.status === 'interrupted') return EXIT.interrupted;
      return summary.failures.length ? EXIT.runFailed : EXIT.ok;
    }),
};

/** aggregate.csv's rows (one per sweep point and ledger: swept values, n, every metric's mean, sd and 95% CI) with numbers as numbers. */
function aggregateRows(outDir: string): Record<string, string | number | null>[] {
  const path = join(outDir, 'aggregate.csv');
  if (!existsSync(path)) return [];
  const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : TEXT_COLUMNS.has(k) || !Number.isFinite(Number(v)) ? v : Number(v)])));
}

const TEXT_COLUMNS = new Set(['ledger', 'ledger_kind']);

function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw usage('--shard', `expected i/n with 1 <= i <= n, got "${text}"`);
  return shard;
}

function usage(option: string, message: string): ScenarioError {
  return new ScenarioError([{ file: option, path: '', message }]);
}
