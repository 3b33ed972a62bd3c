// Golden output: a small fixed scenario whose runs.csv is committed. Fails when any figure changes.
// To accept a change of results on purpose: UPDATE_GOLDEN=1 npx vitest run test/golden (and commit).

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { tempDir } from '../runner/helpers.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXPECTED = join(HERE, 'runs.csv');

describe('golden output', () => {
  it('runs.csv of test/golden/golden.yaml is unchanged (UPDATE_GOLDEN=1 to accept a change)', async () => {
    const out = tempDir();
    await runScenario(loadScenario(join(HERE, 'golden.yaml')), { outDir: out, workers: 1 });
    const actual = readFileSync(join(out, 'runs.csv'), 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(EXPECTED, actual);
    if (!existsSync(EXPECTED)) throw new Error(`${EXPECTED} is missing; create it with UPDATE_GOLDEN=1 npx vitest run test/golden and commit it`);
    const expected = readFileSync(EXPECTED, 'utf8');
    const changed = actual.split('\r\n').flatMap((line, i) => (line === expected.split('\r\n')[i] ? [] : [i + 1]));
    expect(changed, `runs.csv lines ${changed.join(', ')} differ from the golden file`).toEqual([]);
    expect(actual).toBe(expected);
  });
});
