// Turns zod issues into readable problems: picks the union branch that matches the input's shape,
// names the value found, and suggests the nearest known key for an unknown one ("did you mean").

import type * as z from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { getAtPath, type KeyPath } from './keyPath.js';

type Issue = z.core.$ZodIssue;
type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; const?: unknown };

export interface RawProblem {
  path: KeyPath;
  /** The unknown key itself, for unrecognized keys (to find its line). */
  key?: string;
  message: string;
}

/** Flattens zod issues into one problem each; `input` is the value that was validated. */
export function describeIssues(issues: readonly Issue[], input: unknown, schema: JsonSchema): RawProblem[] {
  const out: RawProblem[] = [];
  for (const issue of issues) collect(issue, [], input, schema, out);
  return out;
}

function collect(issue: Issue, prefix: KeyPath, input: unknown, schema: JsonSchema, out: RawProblem[]): void {
  const path = [...prefix, ...(issue.path as KeyPath)];
  const value = getAtPath(input, path);
  switch (issue.code) {
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        out.push({ path, message: `${issue.message}, got ${show(value)}` });
        return;
      }
      const matching = issue.errors.filter((branch) => !branch.every((i) => isShapeMismatch(i)));
      if (matching.length === 1) {
        for (const inner of matching[0]) collect(inner, path, input, schema, out);
        return;
      }
      out.push({ path, message: `${unionExpectation(issue)}, got ${show(value)}` });
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const known = keysAt(schema, input, path).filter((k) => !(value && typeof value === 'object' && k in value));
        const suggestion = known.length ? closest(key, known) : undefined;
        const hint = suggestion && distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${suggestion}"?` : '';
        out.push({ path: [...path, key], key, message: `unknown key "${key}"${hint}` + (known.length && !hint ? ` (known keys: ${known.join(', ')})` : '') });
      }
      return;
    case 'invalid_type':
      out.push({ path, message: value === undefined ? `missing required key (expected ${issue.expected})` : `expected ${issue.expected}, got ${show(value)}` });
      return;
    case 'invalid_value':
      out.push({ path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(value)}` });
      return;
    case 'too_small':
    case 'too_big': {
      const rel = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const what = issue.origin === 'array' ? 'a list with length' : issue.origin === 'string' ? 'text of length' : 'a value';
      const custom = issue.message && !issue.message.startsWith('Too ') ? issue.message : `expected ${what} ${rel} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
      out.push({ path, message: `${custom}, got ${show(value)}` });
      return;
    }
    case 'invalid_format':
      out.push({ path, message: `${issue.message}, got ${show(value)}` });
      return;
    default:
      out.push({ path, message: issue.message.startsWith('Invalid') ? `${issue.message}, got ${show(value)}` : issue.message });
  }
}

function isShapeMismatch(i: Issue): boolean {
  return (i.code === 'invalid_type' || i.code === 'invalid_value' || (i.code === 'invalid_union' && i.errors.every((b) => b.every(isShapeMismatch)))) && i.path.length === 0;
}

function unionExpectation(issue: Issue & { code: 'invalid_union' }): string {
  if (!issue.message.startsWith('Invalid')) return issue.message;
  const options = issue.errors.flatMap((branch) =>
    branch.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : i.code === 'invalid_value' ? i.values.map((v) => JSON.stringify(v)) : [])),
  );
  return `expected ${[...new Set(options)].join(' or ')}`;
}

/** Keys the schema allows at `path`, choosing union branches by the input's discriminator. */
export function keysAt(schema: JsonSchema, input: unknown, path: KeyPath): string[] {
  let nodes: JsonSchema[] = [schema];
  for (let depth = 0; depth <= path.length; depth++) {
    nodes = nodes.flatMap(expandVariants);
    const value = getAtPath(input, path.slice(0, depth));
    const discriminated = nodes.filter((n) => matchesDiscriminator(n, value));
    if (discriminated.length) nodes = discriminated;
    if (depth === path.length) break;
    const seg = path[depth];
    nodes = nodes.flatMap((n) => (typeof seg === 'number' ? (n.items ? [n.items] : []) : n.properties?.[seg] ? [n.properties[seg]] : []));
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** True when `path` names a key the schema knows (used to check sweep and --set paths). */
export function schemaHasPath(schema: JsonSchema, input: unknown, path: KeyPath): boolean {
  if (path.length === 0) return true;
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') return keysAt(schema, input, parent).length === 0 && hasItems(schema, input, parent);
  return keysAt(schema, input, parent).includes(last);
}

function hasItems(schema: JsonSchema, input: unknown, path: KeyPath): boolean {
  let nodes: JsonSchema[] = [schema];
  for (const seg of path) {
    nodes = nodes.flatMap(expandVariants).flatMap((n) => (typeof seg === 'number' ? (n.items ? [n.items] : []) : n.properties?.[seg] ? [n.properties[seg]] : []));
  }
  const value = getAtPath(input, path);
  return nodes.flatMap(expandVariants).some((n) => n.items !== undefined) && (value === undefined || Array.isArray(value));
}

function expandVariants(n: JsonSchema): JsonSchema[] {
  const variants = [...(n.anyOf ?? []), ...(n.oneOf ?? [])];
  return variants.length ? [n, ...variants.flatMap(expandVariants)] : [n];
}

function matchesDiscriminator(n: JsonSchema, value: unknown): boolean {
  if (!n.properties || value === null || typeof value !== 'object') return false;
  return Object.entries(n.properties).some(([k, p]) => p.const !== undefined && (value as Record<string, unknown>)[k] === p.const);
}

/** The value found, short enough for one line; NaN and Infinity (YAML .nan, .inf) are shown as such, not as null. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
