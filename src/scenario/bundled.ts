// The scenario files bundled in scenarios/, with their names and descriptions.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

export interface BundledScenario {
  path: string;
  name: string;
  description: string;
}

export function bundledScenarios(): BundledScenario[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json')
    .sort()
    .map((f) => {
      const doc = (parse(readFileSync(join(SCENARIOS_DIR, f), 'utf8')) ?? {}) as { name?: string; description?: string };
      return { path: relative(process.cwd(), join(SCENARIOS_DIR, f)), name: doc.name ?? f, description: doc.description ?? '' };
    });
}
