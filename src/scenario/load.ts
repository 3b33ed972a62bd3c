// Loads a scenario file (YAML or JSON), applies command-line overrides, validates it against the
// schema and expands its sweep. Every problem is collected with file, key path and line, then thrown together.

import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.js';
import { sharedScenarioJsonSchema } from './jsonSchema.js';
import { describeIssues, schemaHasPath } from './issues.js';
import { formatKeyPath, indexBeyondEnd, parseKeyPath, setAtPath, type KeyPath } from './keyPath.js';
import { ScenarioError, type Problem } from './problems.js';
import { expandSweep, type SweepPoint } from './sweep.js';
import { readScenarioText } from './readText.js';
import { documentData } from './yamlData.js';

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


export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  return parseScenario(readScenarioText(file), file, options);
}

/** Validates scenario text; `file` is used in messages only. */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ScenarioError(doc.errors.map((e) => ({ file, path: '', line: lines.linePos(e.pos[0]).line, message: `malformed YAML: ${e.message.split('\n')[0]}` })));
  }
  const data = documentData(doc);
  if (!data.ok) throw new ScenarioError([{ file, path: '', message: data.message }]);
  let raw: unknown = data.value ?? {};
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
    let path: KeyPath;
    try {
      path = parseKeyPath(assignment.slice(0, eq));
    } catch (error) {
      problems.push({ file: source, path: '', message: (error as Error).message });
      continue;
    }
    const beyondEnd = indexBeyondEnd(raw, path);
    const value = parseDocument(assignment.slice(eq + 1), { prettyErrors: false });
    const valueData = value.errors.length ? { ok: false as const, message: `malformed YAML value: ${value.errors[0].message.split('\n')[0]}` } : documentData(value);
    if (!schemaHasPath(sharedScenarioJsonSchema(), raw, path)) problems.push({ file: source, path: formatKeyPath(path), message: 'no such scenario key' });
    else if (beyondEnd) problems.push({ file: source, path: formatKeyPath(path), message: beyondEnd });
    else if (!valueData.ok) problems.push({ file: source, path: formatKeyPath(path), message: valueData.message });
    else {
      raw = setAtPath(raw, path, valueData.value);
      overridden.push(path);
    }
  }
  for (const option of ['seed', 'replications'] as const) {
    const value = options[option];
    if (value === undefined) continue;
    const checked = scenarioSchema.shape[option].safeParse(value);
    if (checked.success) raw = setAtPath(raw, [option], value);
    else problems.push(...describeIssues(checked.error.issues, value, sharedScenarioJsonSchema()).map((p) => ({ file: `--${option}`, path: '', message: p.message })));
  }
  if (problems.length) throw new ScenarioError(problems);

  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const located = describeIssues(parsed.error.issues, raw, sharedScenarioJsonSchema()).map((p) => {
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
