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
