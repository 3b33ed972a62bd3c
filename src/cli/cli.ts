// The `dv2g` command line (yargs): parses the arguments and hands each command to its module. Run from
// source by src/cli/main.ts, and bundled (scripts/bundle-cli.mjs) for bin/dv2g.js.

import yargs from 'yargs';
import { runCommand } from './runCommand.js';
import { validateCommand } from './validateCommand.js';
import { scenariosCommand } from './scenariosCommand.js';
import { mergeCommand } from './mergeCommand.js';
import { benchCommand } from './benchCommand.js';
import { reportCommand } from './reportCommand.js';
import { compareCommand } from './compareCommand.js';
import { dv2gVersion } from '../output/version.js';
import { KIND_TITLES } from '../ledger/kindTitles.js';
import { EXIT } from './exitCodes.js';
import { optionHint } from './optionHint.js';
import { skipUnseenHelp } from './skipUnseenHelp.js';

/** The ledger kinds' list in the usage text (titles only: the kinds themselves bring their schemas and ledgers). */
const ledgerList = Object.entries(KIND_TITLES).map(([kind, title]) => `  ${kind.padEnd(11)} ${title}`).join('\n');

/** yargs' own list of the options in force (its class has it; its type declarations do not). */
interface OptionsInForce {
  getOptions(): { key: Record<string, unknown> };
}

/** Runs the command line on `argv` (the arguments after `dv2g`); settles when the command has finished. */
export async function runCli(argv: string[]): Promise<void> {
  // Help text is wrapped to the terminal only when it is shown: should skipUnseenHelp find yargs changed,
  // yargs renders each command's help unseen, and wrapping it costs ~15 ms of every command's start.
  const helpAsked = argv.length === 0 || argv.includes('--help') || argv.includes('-h');

  const cli = yargs(argv);
  skipUnseenHelp(cli);
  await cli
    .scriptName('dv2g')
    .usage(`$0 <command> [options]\n\nSimulate V2G energy trading settled on ledgers side by side. Ledger kinds (ledgers[].kind):\n${ledgerList}`)
    .command(runCommand)
    .command(validateCommand)
    .command(scenariosCommand)
    .command(reportCommand)
    .command(mergeCommand)
    .command(benchCommand)
    .command(compareCommand)
    .demandCommand(1, 'Give a command; `dv2g --help` lists them.')
    .recommendCommands()
    .strict()
    .version(dv2gVersion())
    .help()
    .alias('h', 'help')
    .wrap(helpAsked ? Math.min(110, process.stdout.columns ?? 110) : null)
    .fail((message, error) => {
      if (error) throw error;
      const known = Object.keys((cli as unknown as OptionsInForce).getOptions().key);
      process.stderr.write(`dv2g: ${message}${optionHint(message, known)}\nRun with --help for usage.\n`);
      process.exit(EXIT.usage);
    })
    .parseAsync();
}
