// Exit codes of SPEC.md, and the one place that turns a failure into its exit code and one message:
// a scenario or usage problem (or a locked results directory) exits 2; an I/O failure exits 1.

import { ScenarioError } from '../scenario/problems.js';
import { LockedError } from '../io/dirLock.js';
import { IoError, isSystemError } from '../io/ioError.js';
import { StoreError } from '../store/storeError.js';

export const EXIT = { ok: 0, runFailed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/** Runs `action` and exits with its code; known failures print one line each (no stack trace). */
export async function withScenarioErrors(action: () => Promise<number>): Promise<never> {
  try {
    process.exit(await action());
  } catch (error) {
    exitWith(error);
  }
}

/** `check()`'s value (options read before any work starts); a known failure exits as in withScenarioErrors. */
export function checkedOrExit<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    return exitWith(error);
  }
}

function exitWith(error: unknown): never {
  const failure = describeFailure(error);
  if (!failure) throw error;
  for (const line of failure.message.split('\n')) process.stderr.write(`${failure.prefix}${line}\n`);
  process.exit(failure.code);
}

function describeFailure(error: unknown): { prefix: string; message: string; code: number } | undefined {
  if (error instanceof ScenarioError) return { prefix: 'error: ', message: error.message, code: EXIT.usage };
  if (error instanceof LockedError) return { prefix: 'dv2g: ', message: error.message, code: EXIT.usage };
  if (error instanceof IoError || error instanceof StoreError) return { prefix: 'dv2g: ', message: error.message, code: EXIT.runFailed };
  if (isSystemError(error)) {
    const io = IoError.from(error, error.syscall ?? 'use', error.path ?? 'a file');
    return { prefix: 'dv2g: ', message: io.message, code: EXIT.runFailed };
  }
  return undefined;
}
