#!/usr/bin/env node
// Entry point of the `dv2g` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import '../dist/cli/main.js';
