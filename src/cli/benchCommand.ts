// `dv2g bench`: the performance benchmark; --check compares the same-process figures with
// results/bench-baseline.json and exits 1 on a regression; --update rewrites the baseline's section for this size.

import type { CommandModule } from 'yargs';
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';
import type { WorkloadResult } from '../bench/runBench.js';
import type { Baseline, CheckRow } from '../bench/baseline.js';
import { DEFAULT_TOLERANCES } from '../bench/tolerances.js';
import { checkedOrExit, EXIT } from './exitCodes.js';
import { shareOption, usage, wholeNumber } from './scenarioOptions.js';

interface BenchArgs {
  quick: boolean;
  check: boolean;
  update: boolean;
  /** As typed, read by wholeNumber / shareOption. */
  repeat?: string | string[];
  only?: string[];
  ratioTolerance?: string | string[];
  json: boolean;
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench',
  describe: 'performance benchmark; --check fails on a regression against the committed baseline',
  builder: (y) =>
    y
      .option('quick', { type: 'boolean', default: false, describe: 'reduced sizes (under two minutes in total), for CI' })
      .option('check', { type: 'boolean', default: false, describe: 'compare with results/bench-baseline.json; exit 1 on regression' })
      .option('update', { type: 'boolean', default: false, describe: 'rewrite the baseline section (quick or full) with these figures' })
      .option('repeat', { type: 'string', describe: 'runs per workload, summarised by the median [default: 3 with --check or --update, else 1]' })
      .option('only', { type: 'string', array: true, describe: 'run only these workloads (names as in the table; an unknown name lists them)' })
      .option('ratio-tolerance', { type: 'string', defaultDescription: String(DEFAULT_TOLERANCES.ratio), describe: 'fail when a same-process figure (speed / calibration, or a ratio) falls more than this share (0 to 1) below the baseline' })
      .option('json', { type: 'boolean', default: false, describe: 'print the figures as JSON' }) as never,
  handler: async (args) => {
    const [{ WORKLOADS }, { runBench }, { BASELINE_PATH, betterOf, checkAgainst, entryOf, readBaseline, updatedHow, writeBaseline }] = await Promise.all([
      import('../bench/workloads.js'),
      import('../bench/runBench.js'),
      import('../bench/baseline.js'),
    ]);
    const known = WORKLOADS.map((w) => w.name);
    const unknown = (args.only ?? []).filter((name) => !known.includes(name));
    // Options are checked before any workload runs: a bad one is one message and exit 2.
    const { repeat, ratioTolerance } = checkedOrExit(() => {
      if (unknown.length) throw usage('--only', `unknown workload ${unknown.map((n) => `"${n}"`).join(', ')}; expected one of ${known.join(', ')}`);
      return {
        repeat: wholeNumber('--repeat', args.repeat, 1) ?? (args.check || args.update ? 3 : 1),
        ratioTolerance: shareOption('--ratio-tolerance', args.ratioTolerance) ?? DEFAULT_TOLERANCES.ratio,
      };
    });
    const names = args.only?.length ? args.only : known;
    const onProgress = (m: string) => args.json || process.stderr.write(`${m}\n`);
    let results = await runBench(names, { quick: args.quick, repeat, onProgress });
    const section = args.quick ? 'quick' : 'full';
    let rows: CheckRow[] = [];
    if (args.check) {
      if (!existsSync(BASELINE_PATH)) {
        process.stderr.write(`dv2g bench: no baseline at ${BASELINE_PATH}; create it with --update\n`);
        process.exit(EXIT.usage);
      }
      const baseline = readBaseline()[section];
      rows = checkAgainst(baseline, results, { ratio: ratioTolerance });
      // A regression has to show twice: a workload below its limit is measured once more and keeps its
      // better figures (this shared machine's speed swings for minutes at a time; a real slow-down stays).
      const again = [...new Set(rows.filter((r) => !r.ok).map((r) => r.name))];
      if (again.length) {
        onProgress(`bench: measuring ${again.join(', ')} again (below the baseline's limit once)`);
        results = betterOf(results, await runBench(again, { quick: args.quick, repeat, onProgress }));
        rows = checkAgainst(baseline, results, { ratio: ratioTolerance });
      }
    }
    if (args.json) process.stdout.write(`${JSON.stringify({ results, check: rows }, null, 2)}\n`);
    else {
      process.stdout.write(`\n${resultsTable(results)}\n`);
      if (args.check) process.stdout.write(`\nagainst the ${section} baseline (${BASELINE_PATH}):\n${checkTable(rows)}\n`);
    }
    if (args.update) {
      const previous: Partial<Baseline> = existsSync(BASELINE_PATH) ? readBaseline() : {};
      const takenAt = new Date().toISOString();
      writeBaseline({
        how: updatedHow(previous.how, { section, names, all: names.length === known.length, repeat, date: takenAt.slice(0, 10) }),
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
        taken_at: takenAt,
        quick: previous.quick ?? {},
        full: previous.full ?? {},
        [section]: { ...(previous[section] ?? {}), ...Object.fromEntries(results.map((r) => [r.name, entryOf(r)])) },
      });
      if (!args.json) process.stdout.write(`\nbaseline (${section}) updated: ${BASELINE_PATH}\n`);
    }
    const failed = rows.filter((r) => !r.ok);
    if (failed.length) {
      process.stderr.write(`\ndv2g bench: regression in ${failed.map((r) => `${r.name} ${r.figure}`).join(', ')}\n`);
      process.exit(EXIT.runFailed);
    }
  },
};

function resultsTable(results: WorkloadResult[]): string {
  const header = ['workload', 'speed', 'unit', 'calibration ev/s', 'threads', 'speed/calib', 'ratio', 'peak MB', 'wall s'];
  const body = results.map((r) => [r.name, fmt(r.speed), r.unit, fmt(r.calibration), String(r.threads), r.relative.toPrecision(4), r.ratio === undefined ? '-' : r.ratio.toFixed(3), Math.round(r.peakRssMb).toString(), r.wallSeconds.toFixed(2)]);
  return align([header, ...body]);
}

function checkTable(rows: CheckRow[]): string {
  const header = ['workload', 'figure', 'baseline', 'now', 'change', 'fails below', 'result'];
  const body = rows.map((r) => [r.name, r.figure, fmtFigure(r.baseline), fmtFigure(r.now), `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)}%`, fmtFigure(r.limit), r.ok ? 'ok' : 'REGRESSION']);
  return align([header, ...body]);
}

/** A checked figure: four significant digits (speed / calibration is often well below 1). */
function fmtFigure(x: number): string {
  return x.toPrecision(4);
}

function fmt(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(3);
}

function align(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
