// Writes scenarios/schema.json and docs/scenario-reference.md from the zod schema (`npm run schema`).

import { writeFileSync, mkdirSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/jsonSchema.js';
import { scenarioReference } from '../src/scenario/reference.js';

const schema = scenarioJsonSchema();
writeFileSync(new URL('../scenarios/schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
mkdirSync(new URL('../docs', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/scenario-reference.md', import.meta.url), scenarioReference(schema as never));
console.log('wrote scenarios/schema.json and docs/scenario-reference.md');
