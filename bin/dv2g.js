#!/usr/bin/env node
// Entry point of the `dv2g` command, CommonJS (bin/package.json): runs dist/bundle/start.cjs (src/cli/start.ts,
// built by `npm install` / `npm run build`), which answers `--version` alone or runs the bundled command
// line from its code cache.
require('../dist/bundle/start.cjs').start(process.argv.slice(2));
