// Atomic writes on a failing disk: short writes are completed, a write error (ENOSPC) leaves no
// truncated file and no temporary file, and the data is flushed (fsync) before the rename.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { AtomicWriter, copyFileAtomic, diskWrites, writeFileAtomic } from '../../src/io/atomicFile.js';
import { IoError } from '../../src/io/ioError.js';
import { tempDir } from '../runner/helpers.js';

afterEach(() => vi.restoreAllMocks());

const CONTENT = 'run_id,value\r\n'.repeat(1000);

describe('atomic files', () => {
  it('completes short writes: a disk that takes 7 bytes at a time still gets every byte', () => {
    const path = join(tempDir(), 'short.csv');
    const calls = vi.spyOn(diskWrites, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset: number, length: number) =>
      writeSync(fd, buffer, offset, Math.min(7, length))) as typeof writeSync);
    writeFileAtomic(path, CONTENT);
    expect(readFileSync(path, 'utf8')).toBe(CONTENT);
    expect(calls.mock.calls.length).toBeGreaterThan(CONTENT.length / 7 - 1);
  });

  it('on a full disk throws an IoError naming the path and keeps the old file whole', () => {
    const dir = tempDir();
    const path = join(dir, 'runs.csv');
    writeFileSync(path, 'old contents\n');
    let budget = 100;
    vi.spyOn(diskWrites, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      const n = writeSync(fd, buffer, offset, Math.min(budget, length));
      budget -= n;
      return n;
    }) as typeof writeSync);
    const attempt = () => writeFileAtomic(path, CONTENT);
    expect(attempt).toThrow(IoError);
    expect(attempt).toThrow(`cannot write ${path}: no space left on device (ENOSPC)`);
    expect(readFileSync(path, 'utf8')).toBe('old contents\n');
    expect(readdirSync(dir)).toEqual(['runs.csv']);
  });

  it('treats a write that takes no bytes as a full disk rather than looping', () => {
    const dir = tempDir();
    vi.spyOn(diskWrites, 'writeSync').mockReturnValue(0);
    expect(() => writeFileAtomic(join(dir, 'a.csv'), 'x')).toThrow(/\(ENOSPC\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('flushes the data to disk before the file appears under its name', () => {
    const path = join(tempDir(), 'manifest.json');
    const seenAtFsync: boolean[] = [];
    const fsync = diskWrites.fsyncSync;
    vi.spyOn(diskWrites, 'fsyncSync').mockImplementation((fd: number) => {
      seenAtFsync.push(existsSync(path));
      fsync(fd);
    });
    const writer = new AtomicWriter(path, true);
    writer.write('{}\n');
    expect(writer.commit()).toBe(createHash('sha256').update('{}\n').digest('hex'));
    expect(seenAtFsync[0]).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
  });

  it('copies by a flushed temporary file too, and reports a bad source as an IoError', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a'), CONTENT);
    copyFileAtomic(join(dir, 'a'), join(dir, 'b'));
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe(CONTENT);
    expect(() => copyFileAtomic(join(dir, 'missing'), join(dir, 'c'))).toThrow(/\(ENOENT\)/);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });
});
