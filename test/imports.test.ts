// The folders of src/ import one another one way: no folder imports one that imports it back
// (checked on the import statements, type-only imports included); zod's values come from one module.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../src', import.meta.url).pathname;

/** Pairs of folders that import each other today, outside the results stage; to be untangled, never added to. */
const KNOWN_CYCLES = ['ledger <-> metrics', 'ledger <-> scenario', 'metrics <-> model', 'model <-> scenario'];

function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const from = entry.split('/')[0];
    const text = readFileSync(join(SRC, entry), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)) {
      const to = relative(SRC, resolve(dirname(join(SRC, entry)), m[1])).split('/')[0];
      if (to !== from && !from.endsWith('.ts')) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

describe('folder imports', () => {
  it('find the edges (the check sees the run store imported by runner and output)', () => {
    const graph = folderImports();
    expect(graph.get('runner')).toContain('store');
    expect(graph.get('output')).toContain('store');
  });

  it('have no cycle between two folders beyond the known ones', () => {
    const graph = folderImports();
    const cycles = [...graph].flatMap(([a, targets]) => [...targets].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => `${a} <-> ${b}`));
    expect(cycles.sort()).toEqual(KNOWN_CYCLES);
  });
});

describe('zod', () => {
  it('is imported for its values only by src/scenario/zod.ts, which configures it before any schema is built', () => {
    const importers = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((entry) => entry.endsWith('.ts') && /^\s*import\s+(?!type\b)[^;]*\bfrom\s+'zod(?:\/[^']*)?'/m.test(readFileSync(join(SRC, entry), 'utf8')));
    expect(importers).toEqual(['scenario/zod.ts']);
  });
});
