// `dv2g run <scenario>`: every sweep point x ledger x replication into a results directory.

import type { CommandModule } from 'yargs';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Shard } from '../runner/runScenario.js';
import type { ReportManifest } from '../report/resultsData.js';
import type { Manifest } from '../output/manifest.js';
import { requestedSplit, requestedWorkers, resolveWorkers, scenarioOverrides, usage, withScenarioOptions, type ScenarioArgs } from './scenarioOptions.js';
import { EXIT, withScenarioErrors } from './exitCodes.js';

interface RunArgs extends ScenarioArgs {
  scenario: string;
  out?: string;
  shard?: string;
  resume: boolean;
  quiet: boolean;
  json: boolean;
  report: boolean;
  /** As typed, read by requestedSplit. */
  split?: string | string[];
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'run a scenario file (every sweep point x ledger x replication)',
  builder: (y) =>
    withScenarioOptions(y)
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml or .json), or the name of a bundled scenario (dv2g scenarios lists them)' })
      .option('out', { type: 'string', describe: 'results directory: new, empty, or an earlier dv2g results directory [default: results/<scenario name>]' })
      .option('shard', { type: 'string', describe: 'run only the i-th of n slices of the run list, e.g. 2/4 (1-based)' })
      .option('resume', { type: 'boolean', default: false, describe: 'skip runs whose results already exist (intact) in --out; re-run damaged ones' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('json', { type: 'boolean', default: false, describe: 'print a machine-readable summary on stdout' })
      .option('split', { type: 'string', describe: 'threads per market run: its grid agents and their EVs split over them (on the tangle over one fewer: its ledger keeps the run thread; docs/parallel.md); results identical for any value [default: runs spread over --workers first, then a large market run split over the threads left idle]' })
      .option('report', { type: 'boolean', default: true, describe: 'build charts, report.html and notebook.ipynb at the end (--no-report skips; so does outputs.report: false)' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const shard = args.shard === undefined ? undefined : parseShard(args.shard);
      const split = requestedSplit(args.split);
      const [{ loadScenario, resolveScenarioArgument, scenarioWarnings, checkResources, estimateResources, buildRunList }, { runScenario, shardOf }, { progressReporter }, { summaryTable }, { splitWarnings }] = await Promise.all([
        import('./scenarioTools.js'),
        import('../runner/runScenario.js'),
        import('./progress.js'),
        import('./summaryTable.js'),
        import('../runner/split/layout.js'),
      ]);
      const loaded = loadScenario(resolveScenarioArgument(args.scenario), scenarioOverrides(args));
      const warnings = [...scenarioWarnings(loaded), ...(split === undefined ? [] : splitWarnings(loaded, split))];
      if (!args.quiet) for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      const workers = resolveWorkers(requestedWorkers(args), shardOf(buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications), shard).length);
      checkResources(args.scenario, estimateResources(loaded, workers, undefined, split, args.report && loaded.scenario.outputs.report), args.force);
      const outDir = args.out ?? `results/${loaded.scenario.name}`;
      const reporter = progressReporter(args.quiet || args.json ? 'quiet' : 'auto');
      const stop = stopOnSignals();
      const onNotice = (message: string) => process.stderr.write(`dv2g: ${message}\n`);
      // The report is made while the database builds, and written once the manifest is (under the run's lock).
      let reportCharts: string[] | undefined;
      const whileDatabaseBuilds = args.report && loaded.scenario.outputs.report ? async (manifest: Manifest) => {
        const { prepareReport } = await import('../report/index.js');
        const prepared = await prepareReport(outDir, { manifest: manifest as unknown as ReportManifest });
        return () => {
          prepared.commit();
          reportCharts = prepared.charts;
        };
      } : undefined;
      const summary = await runScenario(loaded, { outDir, workers, split, shard, resume: args.resume, force: args.force, signal: stop.signal, onNotice, onProgress: (p) => reporter.update(p), whileDatabaseBuilds });
      reporter.stop();
      stop.dispose();

      if (shard && summary.runs.length === 0 && !args.quiet) process.stderr.write(`dv2g: shard ${shard.index}/${shard.count} has no runs: the run list has ${summary.totalRuns}, so shards beyond ${summary.totalRuns} are empty\n`);
      for (const f of summary.failures) process.stderr.write(`error: run ${f.runId} (seed ${f.seed}) failed: ${f.error}\n`);
      if (args.json) {
        const aggregate = summary.runs.length ? await aggregateRows(outDir) : [];
        process.stdout.write(`${JSON.stringify({ outDir: summary.outDir, status: summary.status, runs: summary.runs.length, failures: summary.failures, aggregate }, null, 2)}\n`);
      } else if (!args.quiet) {
        const finished = summary.manifest.runs.filter((r) => r.status === 'complete' || r.status === 'skipped').length;
        if (finished) process.stdout.write(`\n${summaryTable(outDir)}\n`);
        const count = summary.status === 'complete' ? `${summary.runs.length} runs` : `${finished} of ${summary.runs.length} runs finished`;
        process.stdout.write(`\n${summary.status}: ${count}; results in ${relative(process.cwd(), outDir) || '.'}/\n`);
      }
      if (summary.alongsideError !== undefined) throw summary.alongsideError;
      if (reportCharts && !args.quiet && !args.json) (await import('./writeReport.js')).printReportLine(outDir, reportCharts);
      if (summary.status === 'interrupted') return stop.exitCode();
      return summary.status === 'complete' ? EXIT.ok : EXIT.runFailed;
    }),
};

/**
 * SIGINT (Ctrl-C) and SIGTERM (what Slurm and Kubernetes send) both stop a run the same way: finished
 * runs are written and the manifest says interrupted; the exit code tells which (130 or 143). A second
 * signal quits at once.
 */
function stopOnSignals(): { signal: AbortSignal; exitCode(): number; dispose(): void } {
  const controller = new AbortController();
  let exitCode: number = EXIT.interrupted;
  const handlers = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;
  const listeners = (Object.keys(handlers) as (keyof typeof handlers)[]).map((name) => {
    const listener = () => {
      if (controller.signal.aborted) process.exit(exitCode);
      exitCode = handlers[name];
      process.stderr.write(`\ndv2g: ${name === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)'}; keeping finished runs (${name === 'SIGINT' ? 'Ctrl-C' : 'a second signal'} again quits at once)\n`);
      controller.abort();
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    exitCode: () => exitCode,
    dispose: () => listeners.forEach(([name, listener]) => process.off(name, listener)),
  };
}

/** aggregate.csv's rows (one per sweep point and ledger: swept values, n, every metric's mean, sd and 95% CI) with numbers as numbers. */
async function aggregateRows(outDir: string): Promise<Record<string, string | number | null>[]> {
  const path = join(outDir, 'aggregate.csv');
  if (!existsSync(path)) return [];
  const { parse } = await import('csv-parse/sync');
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
