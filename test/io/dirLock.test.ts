// The results-directory lock: created atomically with pid and host, refused by name while its holder
// lives, a dead holder's lock on this host taken over (and said so), another host's lock left to the user.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockDirectory, LockedError, LOCK_FILE } from '../../src/io/dirLock.js';
import { tempDir } from '../runner/helpers.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('results directory lock', () => {
  it('holds pid, host and command, refuses a second holder by name, and goes on release', () => {
    const dir = tempDir();
    const lock = lockDirectory(dir, 'run');
    const held = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: hostname(), command: 'run' });
    expect(() => lockDirectory(dir, 'merge')).toThrow(LockedError);
    expect(() => lockDirectory(dir, 'merge')).toThrow(`in use by process ${process.pid} on ${hostname()} (run,`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDirectory(dir, 'report').release();
  });

  it('takes over a stale lock of a dead process on this host and says so', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), started: '2024-01-01T00:00:00Z', command: 'run' }));
    const notices: string[] = [];
    const lock = lockDirectory(dir, 'run', (m) => notices.push(m));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`stale lock of process ${pid} on ${hostname()}`);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses another host's lock and tells how to remove it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'node-17.cluster', started: '2024-01-01T00:00:00Z', command: 'run' }));
    expect(() => lockDirectory(dir, 'run')).toThrow(new RegExp(`locked by process \\d+ on node-17\\.cluster .*remove ${join(dir, LOCK_FILE)}`));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
