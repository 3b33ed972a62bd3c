// Atomic writes: the file appears whole under its name, and no temporary file is left behind,
// whether the writer commits or abandons.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicWriter, writeFileAtomic } from '../../src/io/atomicFile.js';
import { tempDir } from '../runner/helpers.js';

describe('atomic files', () => {
  it('writeFileAtomic writes the whole content, creating the folder, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'sub', 'a.csv');
    writeFileAtomic(path, 'x,y\r\n1,2\r\n');
    writeFileAtomic(path, 'x,y\r\n3,4\r\n');
    expect(readFileSync(path, 'utf8')).toBe('x,y\r\n3,4\r\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.csv']);
  });

  it('AtomicWriter shows nothing under the name until commit, and abandon leaves nothing at all', () => {
    const dir = tempDir();
    const kept = new AtomicWriter(join(dir, 'kept.csv'));
    kept.write('a\r\n');
    kept.write('1\r\n');
    expect(existsSync(join(dir, 'kept.csv'))).toBe(false);
    kept.commit();
    const dropped = new AtomicWriter(join(dir, 'dropped.csv'));
    dropped.write('half a fi');
    dropped.abandon();
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('a\r\n1\r\n');
    expect(readdirSync(dir)).toEqual(['kept.csv']);
  });
});
