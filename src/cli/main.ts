// The `dv2g` command run from source (tsx, tests): runs the command line on this process's arguments.
// The installed command, bin/dv2g.js, runs the same command line from its bundle (src/cli/bundledCli.ts).

import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.js';

await runCli(hideBin(process.argv));
