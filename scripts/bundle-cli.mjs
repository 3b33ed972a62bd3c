// Bundles the compiled command line (dist/cli/main.js, from `tsc`) with the packages it uses into
// dist/bundle/, split by command, so that starting `dv2g` reads a few files instead of ~400 small ones.
// Usage: node scripts/bundle-cli.mjs [dist folder] (default: this package's dist/).

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  outdir,
  bundle: true,
  // One chunk per lazily imported command module (runner, report, bench, ...), loaded only when used.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: the names stay, so stack traces remain readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  // Native addons, and piscina, which starts its own worker file from its package folder, load from
  // node_modules. Worker threads and child processes load the unbundled dist/ modules (projectModule).
  external: ['@duckdb/node-api', '@resvg/resvg-js', 'piscina'],
  // Packages written as CommonJS call require(); an ES module bundle has none of its own.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
