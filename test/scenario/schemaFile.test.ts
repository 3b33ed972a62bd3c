// scenarios/schema.json and docs/scenario-reference.md must match the schema in the code.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { scenarioReference } from '../../src/scenario/reference.js';

const HOW = 'out of date: run `npm run schema` and commit the result';

describe('published schema', () => {
  it(`scenarios/schema.json is generated from src/scenario/schema.ts (${HOW})`, () => {
    const committed = JSON.parse(readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8'));
    expect(committed, HOW).toEqual(scenarioJsonSchema());
  });

  it(`docs/scenario-reference.md is generated from it (${HOW})`, () => {
    const committed = readFileSync(new URL('../../docs/scenario-reference.md', import.meta.url), 'utf8');
    expect(committed, HOW).toBe(scenarioReference(scenarioJsonSchema() as never));
  });

  it('documents a default for every optional key (or says what the default is)', () => {
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      const props = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = new Set((node.required ?? []) as string[]);
      for (const [k, child] of Object.entries(props)) {
        const p = `${path}.${k}`;
        if (!required.has(k) && child.default === undefined && !/default/.test(String(child.description ?? ''))) missing.push(p);
        if (!child.description && !child.const) missing.push(`${p} (no description)`);
        visit(child, p);
        for (const v of [...((child.anyOf ?? []) as never[]), ...((child.oneOf ?? []) as never[])]) visit(v, p);
        if (child.items) visit(child.items as Record<string, unknown>, `${p}[]`);
      }
    };
    visit(scenarioJsonSchema(), '');
    expect(missing.filter((p) => !/\.(min|max|mean|sd|mu|sigma|weights|value|values)\b/.test(p) && !p.endsWith('.dist (no description)') && !p.endsWith('.sweep') && !p.endsWith('.kind (no description)'))).toEqual([]);
  });
});
