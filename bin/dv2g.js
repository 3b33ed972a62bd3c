#!/usr/bin/env node
// Entry point of the `dv2g` command: runs the bundled CLI (dist/bundle/cli.js, built by `npm install` /
// `npm run build`) with its code cache; `dv2g --version` alone answers without loading the command line.
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  const { dv2gVersion } = await import('../dist/output/version.js');
  process.stdout.write(`${dv2gVersion()}\n`);
} else {
  const { loadBundledCli } = await import('../dist/cli/bundledCli.js');
  await loadBundledCli().runCli(args);
}
