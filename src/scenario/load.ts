// Loads a scenario file (YAML or JSON), applies command-line overrides, validates it against the
// schema and expands its sweep. Every problem is collected with file, key path and line, then thrown together.

import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.js';
import { scenarioJsonSchema } from './jsonSchema.js';
import { describeIssues, schemaHasPath } from './issues.js';
import { formatKeyPath, parseKeyPath, setAtPath, type KeyPath } from './keyPath.js';
import { ScenarioError, type Problem } from './problems.js';
import { expandSweep, type SweepPoint } from './sweep.js';

export interface LoadOptions {
  /** `path.to.key=value` overrides; values are parsed as YAML. */
  set?: string[];
  seed?: number;
  replications?: number;
}

export interface LoadedScenario {
  file: string;
  /** The scenario resolved with defaults, before sweep values are applied. */
  scenario: Scenario;
  /** One resolved scenario per sweep point (a single point when there is no sweep). */
  points: SweepPoint[];
  /** SHA-256 of the resolved scenario (with its sweep), identifying it for resume and merge. */
  sha256: string;
}

const SCHEMA = scenarioJsonSchema();

export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ScenarioError([{ file, path: '', message: 'is a directory, expected a scenario file (.yaml or .json)' }]);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError([{ file, path: '', message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})` }]);
  }
  return parseScenario(text, file, options);
}

/** Validates scenario text; `file` is used in messages only. */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ScenarioError(doc.errors.map((e) => ({ file, path: '', line: lines.linePos(e.pos[0]).line, message: `malformed YAML: ${e.message.split('\n')[0]}` })));
  }
  let raw: unknown = doc.toJS() ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ScenarioError([{ file, path: '', line: 1, message: 'expected a mapping of scenario keys (name, duration, ledgers, ...)' }]);
  }

  const problems: Problem[] = [];
  const overridden: KeyPath[] = [];
  for (const assignment of options.set ?? []) {
    const eq = assignment.indexOf('=');
    const source = `--set ${assignment}`;
    if (eq <= 0) {
      problems.push({ file: source, path: '', message: 'expected path.to.key=value' });
      continue;
    }
    try {
      const path = parseKeyPath(assignment.slice(0, eq));
      if (!schemaHasPath(SCHEMA, raw, path)) {
        problems.push({ file: source, path: formatKeyPath(path), message: 'no such scenario key' });
        continue;
      }
      raw = setAtPath(raw, path, parseDocument(assignment.slice(eq + 1)).toJS());
      overridden.push(path);
    } catch (error) {
      problems.push({ file: source, path: '', message: (error as Error).message });
    }
  }
  if (options.seed !== undefined) raw = setAtPath(raw, ['seed'], options.seed);
  if (options.replications !== undefined) raw = setAtPath(raw, ['replications'], options.replications);
  if (problems.length) throw new ScenarioError(problems);

  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const located = describeIssues(parsed.error.issues, raw, SCHEMA).map((p) => {
      const fromSet = overridden.some((o) => formatKeyPath(p.path).startsWith(formatKeyPath(o)));
      return { file: fromSet ? `${file} (with --set)` : file, path: formatKeyPath(p.path), line: lineOf(doc, lines, p.path, p.key), message: p.message };
    });
    throw new ScenarioError(located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)));
  }
  const scenario = parsed.data;
  const points = expandSweep(scenario, raw, file, (path) => lineOf(doc, lines, path));
  const sha256 = createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
  return { file, scenario, points, sha256 };
}

/** Line of the node at `path` (or of its nearest existing ancestor); of the key itself for unknown keys. */
function lineOf(doc: Document, lines: LineCounter, path: KeyPath, key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number]; items?: { key: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
    if (key !== undefined && n === path.length - 1 && node?.items) {
      const pair = node.items.find((item) => item.key?.value === key);
      if (pair?.key?.range) return lines.linePos(pair.key.range[0]).line;
    }
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
