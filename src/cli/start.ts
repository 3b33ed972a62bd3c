// The installed command's start, bundled by scripts/bundle-cli.mjs into dist/bundle/start.cjs, which
// bin/dv2g.js loads as CommonJS: no ES module loader is set up before the command line runs.

import { dv2gVersion } from '../output/version.js';
import { loadBundledCli } from './bundledCli.js';

/** Runs `dv2g` with `args` (the arguments after it): `--version` alone is answered without loading the command line. */
export async function start(args: string[]): Promise<void> {
  if (args.length === 1 && args[0] === '--version') process.stdout.write(`${dv2gVersion()}\n`);
  else await loadBundledCli().runCli(args);
}
