// The lock that keeps two processes from writing one results directory at once: `<dir>/.lock`,
// created atomically (open 'wx') and holding {pid, host, started, command}. A lock left by a dead
// process on this host is stale: reported and taken over. Any other holder is refused by name.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { IoError, isSystemError } from './ioError.js';

export const LOCK_FILE = '.lock';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

/** Refusal to write a directory that another process holds (the CLI exits 2 with it). */
export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockedError';
  }
}

export interface DirLock {
  release(): void;
}

/**
 * Takes the lock of `dir` (which must exist) for `command`, or throws LockedError naming the holder.
 * `onStale` hears about a stale lock taken over. The lock goes when released or when the process exits.
 */
export function lockDirectory(dir: string, command: string, onStale: (message: string) => void = () => undefined): DirLock {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  if (!tryCreate(path, me)) {
    const holder = readHolder(path);
    if (!holder || holder.host !== me.host || processAlive(holder.pid)) throw new LockedError(refusal(dir, path, holder, me.host));
    onStale(`${path}: taking over a stale lock of process ${holder.pid} on ${holder.host} (${holder.command}, started ${holder.started}), which is no longer running`);
    rmSync(path, { force: true });
    if (!tryCreate(path, me)) throw new LockedError(refusal(dir, path, readHolder(path), me.host));
  }
  const removeAtExit = () => removeIfMine(path);
  process.on('exit', removeAtExit);
  return {
    release() {
      process.off('exit', removeAtExit);
      removeIfMine(path);
    },
  };
}

/** Creates the lock file atomically; false when it already exists. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if (isSystemError(error) && error.code === 'EEXIST') return false;
    throw IoError.from(error, 'create', path);
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } catch (error) {
    rmSync(path, { force: true });
    throw IoError.from(error, 'write', path);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { started: '?', command: '?', ...holder } as LockHolder : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isSystemError(error) && error.code === 'EPERM';
  }
}

function refusal(dir: string, path: string, holder: LockHolder | undefined, host: string): string {
  if (!holder) return `${dir} is locked (${path} exists but is unreadable); if you are sure no dv2g process is writing ${dir}, remove ${path}`;
  const who = `process ${holder.pid} on ${holder.host} (${holder.command}, started ${holder.started})`;
  if (holder.host !== host) return `${dir} is locked by ${who}; this host cannot tell whether it still runs: if you are sure it does not, remove ${path}`;
  return `${dir} is in use by ${who}; wait for it to finish or choose another --out`;
}

function removeIfMine(path: string): void {
  const holder = readHolder(path);
  if (holder && holder.pid === process.pid && holder.host === hostname()) rmSync(path, { force: true });
}
