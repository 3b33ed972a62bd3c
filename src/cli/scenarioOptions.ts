// Options shared by commands that load a scenario (--set, --seed, --replications, --workers, --force),
// and their checks: each bad value is a usage error naming the option (exit 2), never a line of the file.

import type { Argv } from 'yargs';
import { availableParallelism } from 'node:os';
import type { LoadOptions } from '../scenario/load.js';
import { ScenarioError } from '../scenario/problems.js';

export interface ScenarioArgs {
  set: string[];
  seed?: string;
  replications?: string;
  /** As typed (yargs would read `abc` as NaN and an empty value as 0): see requestedWorkers. */
  workers?: string | string[];
  force: boolean;
}

/** Worker threads above this many per core draw a warning (they only compete for CPU and memory). */
const WORKERS_PER_CORE_WARNING = 4;

export function withScenarioOptions<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value: path.to.key=value (value parsed as YAML); repeatable' })
    .option('seed', { type: 'string', describe: "root seed, a whole number >= 0 (overrides the file's seed)" })
    .option('replications', { type: 'string', describe: "replications per sweep point and ledger (overrides the file's)" })
    .option('workers', { type: 'string', defaultDescription: `${availableParallelism()} (this machine's cores)`, describe: 'worker threads: runs are spread over them first, then a large market run is split over those left idle; 1 runs one at a time' })
    .option('force', { type: 'boolean', default: false, describe: 'override safety refusals: a scenario estimated not to fit in memory, an --out that is not a dv2g results directory (dv2g then replaces only its own file names there)' });
}

/** A usage error: `option` is blamed for `message` (exit 2). */
export function usage(option: string, message: string): ScenarioError {
  return new ScenarioError([{ file: option, path: '', message }]);
}

/** The scenario overrides given on the command line; --seed and --replications must be whole numbers. */
export function scenarioOverrides(args: ScenarioArgs): LoadOptions {
  return { set: args.set, seed: wholeNumber('--seed', args.seed), replications: wholeNumber('--replications', args.replications) };
}

/**
 * A whole-number option as typed (`undefined` when absent), at least `atLeast` where given; anything else,
 * or the option given twice, is a usage error quoting what was typed.
 */
export function wholeNumber(option: string, given: string | string[] | undefined, atLeast?: number): number | undefined {
  const text = onceOrNot(option, given);
  if (text === undefined) return undefined;
  const value = Number(text);
  const expected = atLeast === undefined ? 'a whole number' : `a whole number >= ${atLeast}`;
  if (text.trim() === '' || !Number.isInteger(value) || (atLeast !== undefined && value < atLeast)) throw usage(option, `expected ${expected}, got ${JSON.stringify(text)}`);
  return value;
}

/** A share option as typed (`undefined` when absent): a number from 0 up to, not including, 1. */
export function shareOption(option: string, given: string | string[] | undefined): number | undefined {
  const text = onceOrNot(option, given);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value < 1)) throw usage(option, `expected a share from 0 up to 1 (e.g. 0.3), got ${JSON.stringify(text)}`);
  return value;
}

/** An option's one value, or undefined when absent; given more than once, a usage error. */
function onceOrNot(option: string, text: string | string[] | undefined): string | undefined {
  if (Array.isArray(text)) throw usage(option, `given ${text.length} times, expected once`);
  return text;
}

/** The worker threads asked for: --workers, a whole number >= 1, or by default one per core. */
export function requestedWorkers(args: Pick<ScenarioArgs, 'workers'>, cores = availableParallelism()): number {
  return wholeNumber('--workers', args.workers, 1) ?? cores;
}

/**
 * The worker threads for `runs` runs: `requested` (requestedWorkers) capped at the number of runs or, where
 * there are fewer runs than cores, at the cores (a large market run is split over the threads the other
 * runs leave idle); a warning on stderr above WORKERS_PER_CORE_WARNING per core.
 */
export function resolveWorkers(requested: number, runs: number, cores = availableParallelism()): number {
  const workers = runs === 0 ? 1 : Math.max(1, Math.min(requested, Math.max(runs, cores)));
  warnAbovePerCore('--workers', workers, cores);
  return workers;
}

/** `run --split`: threads per market run, a whole number >= 1 (undefined: the share --workers gives); a warning above WORKERS_PER_CORE_WARNING per core. */
export function requestedSplit(split: string | string[] | undefined, cores = availableParallelism()): number | undefined {
  const threads = wholeNumber('--split', split, 1);
  if (threads !== undefined) warnAbovePerCore('--split', threads, cores);
  return threads;
}

function warnAbovePerCore(option: string, threads: number, cores: number): void {
  if (threads <= WORKERS_PER_CORE_WARNING * cores) return;
  process.stderr.write(`warning: ${option} ${threads} is more than ${WORKERS_PER_CORE_WARNING} per core (${cores} cores); the threads will only compete for CPU and memory\n`);
}
