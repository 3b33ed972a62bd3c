// Files written under a temporary name and renamed into place when complete, so that an
// interrupted run never leaves a truncated file behind.

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

let writers = 0;

/** A file appended to in pieces, then committed (renamed into place) or abandoned. */
export class AtomicWriter {
  private readonly tmp: string;
  private fd: number;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.tmp-${process.pid}-${writers++}`;
    this.fd = openSync(this.tmp, 'w');
  }

  write(chunk: string): void {
    writeSync(this.fd, chunk);
  }

  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}
