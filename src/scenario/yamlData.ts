// Plain data from a parsed YAML document, safely: alias expansion is capped (an alias bomb, "billion
// laughs") and an alias inside its own anchor (a cycle) is refused, each as one message, never a stack trace.

import type { Document } from 'yaml';
import { formatKeyPath, type KeyPath } from './keyPath.js';

/** Most expansions of one anchor's aliases (the yaml package's measure); real scenarios need a handful. */
export const MAX_ALIAS_COUNT = 100;

export type YamlData = { ok: true; value: unknown } | { ok: false; message: string };

export function documentData(doc: Document): YamlData {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = error.message.startsWith('Excessive alias count')
      ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions of one anchor): refused as a possible alias bomb`
      : `YAML alias: ${error.message}`;
    return { ok: false, message };
  }
  const cycle = findCycle(value, [], new Set());
  if (cycle) return { ok: false, message: `circular YAML alias at ${formatKeyPath(cycle)}: an anchor cannot hold an alias to itself` };
  return { ok: true, value };
}

/** Key path of the first object or list that contains itself, if any. */
function findCycle(value: unknown, path: KeyPath, ancestors: Set<object>): KeyPath | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.has(value)) return path;
  ancestors.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const cycle = findCycle(child, [...path, key], ancestors);
    if (cycle) return cycle;
  }
  ancestors.delete(value);
  return undefined;
}
