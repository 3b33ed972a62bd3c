// Hostile or broken scenario input: each case ends in one short message naming the file, key or option
// (never a stack trace, never a huge echo), as issue 12 asks.

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, parseScenario, type LoadOptions } from '../../src/scenario/load.js';
import { ScenarioError, MAX_PRINTED_PROBLEMS, type Problem } from '../../src/scenario/problems.js';
import { tempDir } from '../runner/helpers.js';

function rejection(load: () => unknown): ScenarioError {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

function problems(text: string, options: LoadOptions = {}): Problem[] {
  return rejection(() => parseScenario(text, 'bad.yaml', options)).problems;
}

const THREE_LEDGERS = 'name: t\nledgers: [{kind: tangle}, {kind: pow}, {kind: lightchain}]\n';
/** Each level holds nine aliases of the one before: 9^6 (half a million) leaves when expanded. */
const ALIAS_BOMB = ['name: bomb', 'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdef'.split('').map((k, i) => {
  const prev = 'abcdef'[i];
  return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`;
})].join('\n');

describe('ledger labels are safe names', () => {
  it.each(['x/../../../../ESCAPED', '..', '.', '-x', 'a b', 'a\\b', 'x'.repeat(65)])('refuses label %j at ledgers[i].label', (label) => {
    const found = problems(`name: t\nledgers: [{kind: pow}, {kind: tangle, label: ${JSON.stringify(label)}}]\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'ledgers[1].label', line: 2 });
    expect(found[0].message).toContain('letters, digits');
  });

  it('accepts the names rule names follow', () => {
    expect(parseScenario('name: t\nledgers: [{kind: tangle, label: Tangle_2.urts-a}]\n', 't.yaml').scenario.ledgers[0].label).toBe('Tangle_2.urts-a');
  });
});

describe('YAML aliases', () => {
  it('an alias bomb is one message naming the file', () => {
    const found = problems(ALIAS_BOMB);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'bad.yaml' });
    expect(found[0].message).toMatch(/alias/i);
  });

  it('a circular alias in the file or in a --set value is one message naming where', () => {
    expect(problems('name: t\ndescription: &a [*a]\n')).toEqual([expect.objectContaining({ message: expect.stringContaining('circular YAML alias at description[0]') })]);
    const fromSet = problems('name: t\n', { set: ['description=&a [*a]'] });
    expect(fromSet).toEqual([expect.objectContaining({ file: '--set description=&a [*a]', path: 'description', message: expect.stringContaining('circular') })]);
  });

  it('an alias bomb or malformed YAML in a --set value is refused', () => {
    const bomb = problems('name: t\n', { set: [`description=${ALIAS_BOMB.split('\n').slice(1).join(', ').replace(/^/, '{').concat('}')}`] });
    expect(bomb).toHaveLength(1);
    expect(bomb[0].message).toMatch(/alias/i);
    expect(problems('name: t\n', { set: ['duration=[1,'] })[0].message).toContain('malformed YAML value');
  });

  it('aliases used sparingly still work', () => {
    const { scenario } = parseScenario('name: t\ndescription: &d 2s\nledgers: [{kind: tangle, delay: *d}, {kind: tangle, label: b, delay: *d}]\n', 't.yaml');
    expect(scenario.ledgers.map((l) => l.kind === 'tangle' && l.delay)).toEqual([{ dist: 'constant', value: 2 }, { dist: 'constant', value: 2 }]);
  });
});

describe('values and options named as they are', () => {
  it('NaN and Infinity are shown as such, not as null', () => {
    const found = problems('name: t\nduration: .nan\nfleet: {size: .inf}\nwarmup: -.inf\n');
    expect(found.find((p) => p.path === 'duration')?.message).toMatch(/got NaN$/);
    expect(found.find((p) => p.path === 'fleet.size')?.message).toMatch(/got Infinity$/);
    expect(found.find((p) => p.path === 'warmup')?.message).toMatch(/got -Infinity$/);
  });

  it('a bad --seed or --replications is blamed on the option, not on a line of the file', () => {
    expect(problems('name: t\n', { seed: Number.NaN })).toEqual([{ file: '--seed', path: '', message: 'expected number, got NaN' }]);
    expect(problems('name: t\n', { replications: 0 })).toEqual([{ file: '--replications', path: '', message: expect.stringContaining('>= 1, got 0') }]);
  });

  it('--set at a list index past the end is one message saying how long the list is', () => {
    const found = problems(THREE_LEDGERS, { set: ['ledgers[99].alpha=1'] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'ledgers[99].alpha' });
    expect(found[0].message).toContain('ledgers has 3 entries (0-2)');
    expect(parseScenario(THREE_LEDGERS, 't.yaml', { set: ['ledgers[3].kind=tangle', 'ledgers[3].label=four'] }).scenario.ledgers).toHaveLength(4);
  });

  it('a sweep key at a list index past the end is one message', () => {
    const found = problems(`${THREE_LEDGERS}sweep: {params: {"ledgers[7].alpha": [0, 1, 2]}}\n`);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('ledgers has 3 entries (0-2)');
  });

  it('prints at most 20 problems, then how many more', () => {
    const text = `name: t\n${Array.from({ length: 30 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`;
    const error = rejection(() => parseScenario(text, 'bad.yaml'));
    expect(error.problems).toHaveLength(30);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(MAX_PRINTED_PROBLEMS + 1);
    expect(lines.at(-1)).toBe('... and 10 more problems');
  });

  it('never echoes a huge key or value at length', () => {
    const huge = 'k'.repeat(1000);
    const error = rejection(() => parseScenario(`name: t\n${huge}: 1\ndescription: [${'9,'.repeat(2000)}9]\nfleet: {${huge}: 2}\n`, 'bad.yaml'));
    expect(error.problems).toHaveLength(3);
    expect(error.message.length).toBeLessThan(1200);
  });
});

describe('files that are not UTF-8 text', () => {
  const dir = tempDir();
  const write = (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it.each([
    ['UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: t\n', 'utf16le')]), 'UTF-16 (little-endian)'],
    ['UTF-32 big-endian', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.alloc(32, 0x41)]), 'UTF-32 (big-endian)'],
    ['binary (NUL bytes)', Buffer.concat([Buffer.from('name: t\n'), Buffer.alloc(800_000, 0)]), 'binary file (a NUL byte at offset 8)'],
    ['invalid UTF-8', Buffer.from([0x6e, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), 'not valid UTF-8'],
  ])('%s: one short message naming the file', (name, bytes, what) => {
    const file = write(`${name}.yaml`, bytes);
    const error = rejection(() => loadScenario(file));
    expect(error.problems).toEqual([{ file, path: '', message: expect.stringContaining(what) }]);
    expect(error.message.length).toBeLessThan(300);
  });

  it('a UTF-8 byte-order mark is accepted', () => {
    const file = write('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: bom\n')]));
    expect(loadScenario(file).scenario.name).toBe('bom');
  });
});
