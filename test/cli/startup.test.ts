// Start-up stays light: what `dv2g --version` and `--help` load (src/cli/main.ts and its static imports,
// followed through the source) holds none of the heavy modules; commands import those in their handlers.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../../src', import.meta.url).pathname;

/** Every module reached from `entry` by static value imports (type-only imports are erased; `import()` is lazy). */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      const target = m[1] ?? m[2];
      if (target.startsWith('.')) pending.push(relative(SRC, resolve(dirname(join(SRC, file)), target)).replace(/\.js$/, '.ts'));
      else if (!target.startsWith('node:')) packages.add(target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]);
    }
  }
  return { files, packages };
}

describe('CLI start-up', () => {
  const { files, packages } = staticClosure('cli/main.ts');

  it('follows the command modules (the walk sees what main imports)', () => {
    expect(files).toContain('cli/runCommand.ts');
    expect(files).toContain('cli/benchCommand.ts');
    expect(packages).toContain('yargs');
  });

  it('loads no runner, report, charts, bench workloads, ledgers or scenario schema', () => {
    const heavy = [...files].filter((f) => (/^(runner|report|compare|ledger|engine|model)\//.test(f) && f !== 'ledger/kindTitles.ts') || /^scenario\/(load|schema)\.ts$/.test(f) || f === 'bench/workloads.ts');
    expect(heavy).toEqual([]);
  });

  it('lists every ledger kind in the usage text, and only those', async () => {
    const [{ KIND_TITLES }, { LEDGER_KINDS }] = await Promise.all([import('../../src/ledger/kindTitles.js'), import('../../src/ledger/kinds.js')]);
    expect(LEDGER_KINDS.map((k) => [k.kind, k.title])).toEqual(Object.entries(KIND_TITLES));
  });

  it('loads none of the heavy packages', () => {
    const heavy = ['vega', 'vega-lite', '@resvg/resvg-js', '@duckdb/node-api', 'piscina', 'zod', 'csv-parse', 'csv-stringify', 'cli-progress'];
    expect([...packages].filter((p) => heavy.includes(p))).toEqual([]);
  });
});
