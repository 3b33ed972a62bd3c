// Test helpers: a scratch copy of the committed fixture results directory (buildReport writes
// into the directory it is given, so tests never build into the fixture itself).

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/results', import.meta.url));

export function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dv2g-report-'));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  return dir;
}
