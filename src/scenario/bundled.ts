// The scenario files bundled in scenarios/, with their names and descriptions.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { nearestName } from './didYouMean.js';
import { ScenarioError } from './problems.js';
import { PACKAGE_DIR } from '../io/packageDir.js';

export const SCENARIOS_DIR = join(PACKAGE_DIR, 'scenarios');

export interface BundledScenario {
  path: string;
  name: string;
  description: string;
}

export function bundledScenarios(): BundledScenario[] {
  return bundledFiles().map((f) => {
      const doc = (parse(readFileSync(join(SCENARIOS_DIR, f), 'utf8')) ?? {}) as { name?: string; description?: string };
      return { path: relative(process.cwd(), join(SCENARIOS_DIR, f)), name: doc.name ?? f, description: doc.description ?? '' };
    });
}

/** The bundled scenario files' names, sorted. */
function bundledFiles(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json')
    .sort();
}

/**
 * The file a command's scenario argument names: the path itself when it exists, else the bundled
 * scenario of that name (or file stem), so `dv2g run quickstart` works from any directory.
 */
export function resolveScenarioArgument(argument: string): string {
  if (existsSync(argument)) return argument;
  const byStem = bundledFiles().find((f) => basename(f, extname(f)) === argument);
  if (byStem) return relative(process.cwd(), join(SCENARIOS_DIR, byStem));
  const bundled = bundledScenarios();
  const match = bundled.find((b) => b.name === argument || basename(b.path, extname(b.path)) === argument);
  if (match) return match.path;
  const suggestion = nearestName(argument, bundled.map((b) => b.name));
  const hint = suggestion ? `; did you mean the bundled scenario "${suggestion}"?` : `; \`dv2g scenarios\` lists the bundled ones (${bundled.map((b) => b.name).join(', ')})`;
  throw new ScenarioError([{ file: argument, path: '', message: `file not found, and no bundled scenario has that name${hint}` }]);
}
