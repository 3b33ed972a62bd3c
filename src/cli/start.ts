// The installed command's start, bundled by scripts/bundle-cli.mjs into dist/bundle/start.cjs, which
// bin/dv2g.js loads as CommonJS: no ES module loader is set up before the command line runs.

import { dv2gVersion } from '../output/version.js';
import { loadBundledCli, type BundledCli } from './bundledCli.js';

/** SPEC.md's exit code of a failure that is not the user's (src/cli/exitCodes.ts: EXIT.runFailed). */
const UNEXPECTED_FAILURE_EXIT = 1;

/**
 * Runs `dv2g` with `args` (the arguments after it): `--version` alone is answered without loading the command
 * line. A failure no command turned into its message (a fault of dv2g's) is reported as one, with its stack,
 * and exits 1: not as Node's uncaught error, which also prints the minified line of the bundle it came from.
 */
export async function start(args: string[], load: () => Pick<BundledCli, 'runCli'> = loadBundledCli): Promise<void> {
  try {
    if (args.length === 1 && args[0] === '--version') process.stdout.write(`${dv2gVersion()}\n`);
    else await load().runCli(args);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`dv2g: unexpected failure (a fault in dv2g: please report it with the command that caused it):\n${detail}\n`);
    process.exitCode = UNEXPECTED_FAILURE_EXIT;
  }
}
