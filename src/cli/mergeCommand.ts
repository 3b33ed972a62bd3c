// `dv2g merge <dir>... --out <dir>`: joins results directories of --shard runs of one scenario.

import type { CommandModule } from 'yargs';
import { EXIT, withScenarioErrors } from './exitCodes.js';

interface MergeArgs {
  dirs: string[];
  out: string;
  force: boolean;
  quiet: boolean;
  report: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'merge results directories produced by --shard runs into one',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'results directories of the shards' })
      .option('out', { type: 'string', demandOption: true, describe: 'directory for the merged results: new, empty, or a dv2g results directory, and none of the inputs' })
      .option('force', { type: 'boolean', default: false, describe: "write into an --out that is not a dv2g results directory (replacing dv2g's file names there)" })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('report', { type: 'boolean', default: true, describe: 'build charts, report.html and notebook.ipynb of the merged results (--no-report skips)' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const [{ mergeResults }, { describeMissing }, { writeReport }] = await Promise.all([import('../runner/merge.js'), import('../runner/missingRuns.js'), import('./writeReport.js')]);
      const onNotice = (message: string) => process.stderr.write(`dv2g: ${message}\n`);
      const summary = await mergeResults(args.dirs, args.out, { force: args.force, onNotice });
      if (!args.quiet) process.stdout.write(`${summary.status}: merged ${summary.runs} runs from ${args.dirs.length} directories into ${args.out}/\n`);
      for (const line of describeMissing(summary.missing, summary.scenarioFile)) process.stderr.write(`${line}\n`);
      if (args.report && summary.runs > 0) await writeReport(args.out, args.quiet, onNotice);
      return summary.status === 'complete' ? EXIT.ok : EXIT.runFailed;
    }),
};
