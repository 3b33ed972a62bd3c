// Bundles the compiled command line (dist/cli/cli.js, from `tsc`) with the packages it uses into one
// script, dist/bundle/cli.js, and its loader into dist/bundle/start.cjs (what bin/dv2g.js runs), then runs
// `dv2g validate quickstart` once to write the script's V8 code cache (src/cli/bundledCli.ts), so that
// starting `dv2g` reads three files and compiles almost nothing.
// Usage: node scripts/bundle-cli.mjs [dist folder] (default: this package's dist/, beside bin/).

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));

// yargs' own string-width (8) builds an emoji regex of ICU data when it loads (~25 ms of every command,
// though only help text measures widths): yargs gets the copy cliui brings instead (7, the same API), and
// yargs, cliui and wrap-ansi get it through dist/cli/asciiStringWidth.js, which answers printable ASCII
// (all of dv2g's help) without segmenting it through ICU.
const cliuiStringWidth = createRequire(import.meta.resolve('cliui')).resolve('string-width');
const HELP_TEXT_PACKAGES = /[\\/]node_modules[\\/](yargs|cliui|wrap-ansi)[\\/]/;
const helpTextStringWidth = {
  name: 'help-text-string-width',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^string-width$/ }, (args) => (HELP_TEXT_PACKAGES.test(args.importer) ? { path: 'string-width', namespace: 'help-text-string-width' } : undefined));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'help-text-string-width' }, () => ({
      contents: `import stringWidth from ${JSON.stringify(cliuiStringWidth)};
import { withAsciiFastPath } from ${JSON.stringify(join(dist, 'cli', 'asciiStringWidth.js'))};
export default withAsciiFastPath(stringWidth);`,
      resolveDir: dirname(cliuiStringWidth),
    }));
  },
};
// vega-canvas's Node build awaits `import('canvas')` (an optional package dv2g does not use) at its top
// level, which a script cannot; without that package it behaves as its browser build, which it gets.
const vegaCanvasWithoutAwait = {
  name: 'vega-canvas-without-await',
  setup(pluginBuild) {
    const browserBuild = createRequire(import.meta.url).resolve('vega-canvas').replace(/vega-canvas\.node\.js$/, 'vega-canvas.browser.js');
    pluginBuild.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: browserBuild }));
  },
};
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });

/**
 * Both outputs are CommonJS: Node 20 keeps no code cache for ES modules, but gives a script's
 * (vm.Script's cachedData), and an ES module entry sets up Node's ES module loader first. Whitespace and
 * syntax are minified only: the names stay, so stack traces remain readable.
 */
const commonJs = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };

// The command line; commands' heavy modules stay unrun until their handlers import them.
await build({
  ...commonJs,
  entryPoints: [join(dist, 'cli', 'cli.js')],
  outfile: join(outdir, 'cli.js'),
  // `import()` of a package outside the bundle (DuckDB's) becomes require(): a vm.Script's own import()
  // needs an experimental hook that a code cache drops.
  supported: { 'dynamic-import': false },
  // Other characters escaped, so that the loader reads the file as Latin-1 (src/cli/bundledCli.ts).
  charset: 'ascii',
  sourcemap: true,
  // Native addons, and piscina, which starts its own worker file from its package folder, load from
  // node_modules. Worker threads and child processes load the unbundled dist/ modules (projectModule).
  external: ['@duckdb/node-api', '@resvg/resvg-js', 'piscina'],
  // One function expression taking what a CommonJS module gets, which the loader compiles as it is (no
  // wrapping: a copy of the source); strict as the ES modules it is made of; import.meta.url is the
  // bundle's own URL (package paths are found from it: src/io/packageDir.ts).
  banner: { js: '(function (exports, require, module, __filename, __dirname) {"use strict";const __bundleUrl=require("node:url").pathToFileURL(__filename).href;' },
  footer: { js: '})' },
  plugins: [helpTextStringWidth, vegaCanvasWithoutAwait],
  // Intl.Segmenter built on first use (dist/cli/lazySegmenter.js): yargs builds two when it loads.
  define: { 'Intl.Segmenter': 'LazySegmenter', 'import.meta.url': '__bundleUrl' },
  inject: [join(dist, 'cli', 'lazySegmenter.js')],
});

// bin/dv2g.js's own part (src/cli/start.ts: --version, and the loader of the script above).
await build({
  ...commonJs,
  entryPoints: [join(dist, 'cli', 'start.js')],
  outfile: join(outdir, 'start.cjs'),
  banner: { js: 'const __startUrl=require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__startUrl' },
});

// The code cache holds every function the first command compiles: `validate` compiles what a command's
// start does (yargs, the commands, the scenario's schema, the YAML parser, the checks).
const warm = spawnSync(process.execPath, [join(dist, '..', 'bin', 'dv2g.js'), 'validate', 'quickstart'], { encoding: 'utf8' });
if (warm.status !== 0) {
  process.stderr.write(`bundle-cli: \`dv2g validate quickstart\` failed while writing the code cache:\n${warm.stderr || warm.error}\n`);
  process.exit(1);
}
