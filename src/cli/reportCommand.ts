// `dv2g report <results-dir>`: (re)builds charts, report.html and notebook.ipynb from a results directory.

import type { CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../report/index.js';
import { lockDirectory } from '../io/dirLock.js';
import { readManifest } from '../output/manifest.js';
import { EXIT, withScenarioErrors } from './exitCodes.js';
import { ScenarioError } from '../scenario/problems.js';

interface ReportArgs {
  dir: string;
  quiet: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: '(re)build charts, report.html and the notebook from a results directory',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'results directory (holding manifest.json and runs.csv)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      readManifest(args.dir);
      if (!existsSync(join(args.dir, 'runs.csv'))) throw new ScenarioError([{ file: args.dir, path: '', message: 'is not a results directory (expected manifest.json and runs.csv)' }]);
      await writeReport(args.dir, args.quiet, (message) => process.stderr.write(`dv2g: ${message}\n`));
      return EXIT.ok;
    }),
};

/** Builds the report of `dir` under its lock, printing where it went unless quiet. */
export async function writeReport(dir: string, quiet: boolean, onNotice?: (message: string) => void): Promise<void> {
  const lock = lockDirectory(dir, 'report', onNotice);
  let charts: string[];
  try {
    ({ charts } = await buildReport(dir, { onProgress: (m) => quiet || !process.stderr.isTTY || process.stderr.write(`\rdv2g: building ${m.padEnd(40)}`) }));
  } finally {
    lock.release();
  }
  if (!quiet && process.stderr.isTTY) process.stderr.write('\r'.padEnd(60) + '\r');
  if (!quiet) process.stdout.write(`report: ${charts.length} charts, ${join(dir, 'report.html')}, ${join(dir, 'notebook.ipynb')}\n`);
}
