// dv2g's version, from package.json: on its own so that `dv2g --version` loads nothing else.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package's root folder (above src/ or dist/). */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function dv2gVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}
