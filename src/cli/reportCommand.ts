// `dv2g report <results-dir>`: (re)builds charts, report.html and notebook.ipynb from a results directory.

import type { CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
      const { readManifest } = await import('../output/manifest.js');
      readManifest(args.dir);
      if (!existsSync(join(args.dir, 'runs.csv'))) throw new ScenarioError([{ file: args.dir, path: '', message: 'is not a results directory (expected manifest.json and runs.csv)' }]);
      const { writeReport } = await import('./writeReport.js');
      await writeReport(args.dir, args.quiet, (message) => process.stderr.write(`dv2g: ${message}\n`));
      return EXIT.ok;
    }),
};
