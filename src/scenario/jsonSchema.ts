// scenarios/schema.json, generated from the zod schema (the input form, so editors see units and defaults).

import * as z from './zod.js';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://dv2g.dev/schema/scenario.json',
    title: 'dv2g scenario',
    description: 'A dv2g scenario file (YAML or JSON). Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand.',
  };
}

let computed: Record<string, unknown> | undefined;

/** The JSON Schema, computed on first use (it costs tens of milliseconds; most commands never need it). */
export function sharedScenarioJsonSchema(): Record<string, unknown> {
  computed ??= scenarioJsonSchema();
  return computed;
}
