// Files written under a temporary name, flushed to disk (fsync) and only then renamed into place, so
// that an interrupted run, a full disk or a short write never leaves a truncated file behind.

import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { dirname } from 'node:path';
import { IoError } from './ioError.js';

/** The file-system calls that write bytes, as one object so a test can stand in a failing disk. */
export const diskWrites = { writeSync, fsyncSync };

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const writer = new AtomicWriter(path);
  writer.write(content);
  writer.commit();
}

let writers = 0;

/** A file appended to in pieces, then committed (flushed and renamed into place) or abandoned. */
export class AtomicWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash?: Hash;
  private closed = false;

  /** With `hashed`, `commit` returns the SHA-256 of everything written. */
  constructor(
    private readonly path: string,
    hashed = false,
  ) {
    this.tmp = `${path}.tmp-${process.pid}-${writers++}`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.tmp, 'w');
    } catch (error) {
      throw IoError.from(error, 'write', path);
    }
    if (hashed) this.hash = createHash('sha256');
  }

  /** Writes every byte of `chunk` (looping over short writes), or abandons the file and throws an IoError. */
  write(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash?.update(bytes);
    try {
      for (let offset = 0; offset < bytes.length; ) {
        const written = diskWrites.writeSync(this.fd, bytes, offset, bytes.length - offset);
        if (written <= 0) throw Object.assign(new Error('ENOSPC: no bytes written, write'), { code: 'ENOSPC' });
        offset += written;
      }
    } catch (error) {
      this.abandon();
      throw IoError.from(error, 'write', this.path);
    }
  }

  /** Flushes the file to disk and renames it into place; returns its SHA-256 when hashed. */
  commit(): string | undefined {
    try {
      diskWrites.fsyncSync(this.fd);
      this.close();
      renameSync(this.tmp, this.path);
    } catch (error) {
      this.abandon();
      throw IoError.from(error, 'write', this.path);
    }
    syncDirectory(dirname(this.path));
    return this.hash?.digest('hex');
  }

  abandon(): void {
    this.close();
    rmSync(this.tmp, { force: true });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** Flushes a directory's entries (the rename) where the platform allows opening a directory. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    diskWrites.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; the rename itself is then as durable as the platform makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Copies a file by the same route: a temporary copy, flushed, then renamed into place. */
export function copyFileAtomic(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}-${writers++}`;
  try {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      diskWrites.fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, to);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw IoError.from(error, 'write', to);
  }
  syncDirectory(dirname(to));
}
