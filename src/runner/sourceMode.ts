// Starting more threads or processes on this code: compiled JavaScript runs as is; TypeScript sources
// (tests, `tsx`) need the tsx loader, given by absolute path so that any working directory works.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** True when this module runs from its .ts source rather than from dist/. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** URL of the sibling module `name` (without extension) of `base`, in the current mode's extension. */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}.${FROM_SOURCE ? 'ts' : 'js'}`, base);
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
