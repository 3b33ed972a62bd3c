// dv2g's version, from package.json: on its own so that `dv2g --version` loads
// nothing but this and the package's location.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from '../io/packageDir.js';

export function dv2gVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}
