// Bundles the compiled command line (dist/cli/main.js, from `tsc`) with the packages it uses into
// dist/bundle/, split by command, so that starting `dv2g` reads a few files instead of ~400 small ones.
// Usage: node scripts/bundle-cli.mjs [dist folder] (default: this package's dist/).

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
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
  plugins: [helpTextStringWidth],
  // Intl.Segmenter built on first use (dist/cli/lazySegmenter.js): yargs builds two when it loads.
  define: { 'Intl.Segmenter': 'LazySegmenter' },
  inject: [join(dist, 'cli', 'lazySegmenter.js')],
  logLevel: 'warning',
});
