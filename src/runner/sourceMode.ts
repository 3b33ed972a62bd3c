// Starting more threads or processes on this code: compiled JavaScript runs as is; TypeScript sources
// (tests, `tsx`) need the tsx loader, given by absolute path so that any working directory works.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_DIR } from '../io/packageDir.js';

/** True when this module runs from its .ts source rather than from dist/. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * URL of the project's module `path` (below src/ or dist/, without extension, e.g. `runner/worker`), in
 * the current mode: the module a new thread or process loads, wherever the starting code was bundled.
 */
export function projectModule(path: string): URL {
  return pathToFileURL(join(PACKAGE_DIR, FROM_SOURCE ? 'src' : 'dist', `${path}.${FROM_SOURCE ? 'ts' : 'js'}`));
}

/** Node flags a new thread or process needs to load that module. */
export function loaderFlags(): string[] {
  return FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
}

/**
 * Code for a Worker started with `eval: true` that loads module `url`: from source, it registers tsx in
 * the worker itself first, which works even while the starting thread blocks (a split run's partitions).
 */
export function workerBootCode(url: URL): string {
  const load = `import(${JSON.stringify(url.href)})`;
  if (!FROM_SOURCE) return load;
  // tsx's `./esm/api` export for `import`, beside the loader that `tsx` resolves to.
  const tsx = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx'))).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return ${load}; })`;
}
