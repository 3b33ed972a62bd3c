// Sweep expansion: `sweep.params` (key path -> values) combined cartesian or zip into sweep points,
// each a fully validated scenario with the swept values applied. A key may name one ledger by its
// label (`ledgers[tangle].alpha`): the run list then runs the other ledgers once per remaining point.

import { ledgerLabel, scenarioSchema, type Scenario } from './schema.js';
import { sharedScenarioJsonSchema } from './jsonSchema.js';
import { describeIssues, schemaHasPath } from './issues.js';
import { formatKeyPath, getAtPath, indexBeyondEnd, ledgerScopedKey, parseKeyPath, setAtPath, type KeyPath } from './keyPath.js';
import { ScenarioError, type Problem } from './problems.js';
import { MAX_RUNS, count } from './limits.js';

export interface SweepPoint {
  /** 0-based index of the point in the sweep. */
  index: number;
  /** Swept key path -> value at this point (as written in the file). */
  values: Record<string, unknown>;
  /** Swept key path -> value at this point in SI units (seconds, bytes) where it is a number or a constant; else as written. */
  siValues: Record<string, unknown>;
  /** Swept key paths that name one ledger (`ledgers[tangle].alpha`) -> that ledger's label. */
  ledgerOf: Record<string, string>;
  scenario: Scenario;
}

const NOT_SWEEPABLE = new Set(['name', 'seed', 'replications', 'sweep', 'outputs']);

export function expandSweep(scenario: Scenario, raw: unknown, file: string, lineOf: (path: KeyPath) => number | undefined): SweepPoint[] {
  const sweep = scenario.sweep;
  checkRunCount(scenario, file, lineOf);
  if (!sweep || Object.keys(sweep.params).length === 0) return [{ index: 0, values: {}, siValues: {}, ledgerOf: {}, scenario }];

  const problems: Problem[] = [];
  const params: { key: string; path: KeyPath; values: unknown[] }[] = [];
  const ledgerOf: Record<string, string> = {};
  const labels = scenario.ledgers.map(ledgerLabel);
  for (const [key, values] of Object.entries(sweep.params)) {
    const where = { file, path: `sweep.params["${key}"]`, line: lineOf(['sweep', 'params', key]) };
    let path: KeyPath;
    try {
      const scoped = ledgerScopedKey(key);
      if (scoped && !labels.includes(scoped.label)) {
        problems.push({ ...where, message: `names ledger "${scoped.label}", but the ledgers are labelled ${labels.map((l) => `"${l}"`).join(', ')}` });
        continue;
      }
      if (scoped) ledgerOf[key] = scoped.label;
      path = scoped ? ['ledgers', labels.indexOf(scoped.label), ...parseKeyPath(scoped.rest)] : parseKeyPath(key);
    } catch (error) {
      problems.push({ ...where, message: (error as Error).message });
      continue;
    }
    const beyondEnd = indexBeyondEnd(raw, path);
    if (NOT_SWEEPABLE.has(String(path[0]))) problems.push({ ...where, message: `"${path[0]}" cannot be swept` });
    else if (!schemaHasPath(sharedScenarioJsonSchema(), scenario, path)) problems.push({ ...where, message: `sweeps over "${key}", which is not a scenario key` });
    else if (beyondEnd) problems.push({ ...where, message: beyondEnd });
    else params.push({ key, path, values });
  }
  if (sweep.grid === 'zip') {
    const lengths = new Set(params.map((p) => p.values.length));
    if (lengths.size > 1) problems.push({ file, path: 'sweep.params', line: lineOf(['sweep', 'params']), message: `zip needs lists of equal length, got lengths ${[...lengths].join(', ')}` });
  }
  if (problems.length) throw new ScenarioError(problems);

  const combinations = sweep.grid === 'zip' ? zip(params.map((p) => p.values)) : cartesian(params.map((p) => p.values));
  const points: SweepPoint[] = [];
  combinations.forEach((combo, index) => {
    let pointRaw = raw;
    const values: Record<string, unknown> = {};
    params.forEach((p, i) => {
      pointRaw = setAtPath(pointRaw, p.path, combo[i]);
      values[p.key] = combo[i];
    });
    const parsed = scenarioSchema.safeParse(pointRaw);
    if (parsed.success) {
      const siValues = Object.fromEntries(params.map((p) => [p.key, siValue(getAtPath(parsed.data, p.path), values[p.key])]));
      points.push({ index, values, siValues, ledgerOf, scenario: parsed.data });
      return;
    }
    for (const p of describeIssues(parsed.error.issues, pointRaw, sharedScenarioJsonSchema())) {
      const param = params.find((q) => formatKeyPath(p.path).startsWith(formatKeyPath(q.path)));
      const valueIndex = param ? param.values.indexOf(values[param.key]) : -1;
      problems.push({
        file,
        path: param ? `sweep.params["${param.key}"][${valueIndex}]` : formatKeyPath(p.path),
        line: lineOf(param ? ['sweep', 'params', param.key, valueIndex] : p.path),
        message: param ? `${formatKeyPath(p.path)}: ${p.message}` : `at sweep point ${index}: ${p.message}`,
      });
    }
  });
  if (problems.length) throw new ScenarioError(dedupe(problems));
  return points;
}

/** Refuses a run list longer than MAX_RUNS before any sweep point is built (a million-point sweep would exhaust memory). */
function checkRunCount(scenario: Scenario, file: string, lineOf: (path: KeyPath) => number | undefined): void {
  const lengths = Object.values(scenario.sweep?.params ?? {}).map((values) => values.length);
  const points = lengths.length === 0 ? 1 : scenario.sweep?.grid === 'zip' ? Math.max(...lengths) : lengths.reduce((a, b) => a * b, 1);
  const runs = points * scenario.ledgers.length * scenario.replications;
  if (runs <= MAX_RUNS) return;
  const path = lengths.length ? 'sweep.params' : 'replications';
  throw new ScenarioError([{
    file,
    path,
    line: lineOf(lengths.length ? ['sweep', 'params'] : ['replications']),
    message: `the run list would hold ${count(runs)} runs (${count(points)} sweep point(s) x ${scenario.ledgers.length} ledger(s) x ${count(scenario.replications)} replication(s)), more than the ${count(MAX_RUNS)} allowed; sweep fewer values or split the study into several scenarios`,
  }]);
}

/** The resolved value in SI units when it is a number or a constant distribution; the written value otherwise. */
function siValue(resolved: unknown, written: unknown): unknown {
  if (typeof resolved === 'number') return resolved;
  if (resolved !== null && typeof resolved === 'object' && (resolved as { dist?: unknown }).dist === 'constant') {
    const value = (resolved as { value?: unknown }).value;
    if (typeof value === 'number') return value;
  }
  return written;
}

function cartesian(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((combo) => list.map((v) => [...combo, v])), [[]]);
}

function zip(lists: unknown[][]): unknown[][] {
  return lists[0].map((_, i) => lists.map((l) => l[i]));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
