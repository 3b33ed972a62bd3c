// Where dv2g's own files are (package.json, scenarios/, results/, the modules worker threads load).

import { fileURLToPath } from 'node:url';

/**
 * The package's root folder. This module sits two folders below it wherever it runs from: src/io/,
 * dist/io/ or the CLI bundle's dist/bundle/ (scripts/bundle-cli.mjs); every other module finds the
 * package's files from here, so that bundling cannot move them.
 */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
