// An I/O failure (permissions, full disk, bad path) turned into one line naming the path and the
// system's reason; the CLI prints it and exits 1, never a stack trace.

/** A Node.js system error: a code such as ENOSPC, and often the syscall and path. */
export type SystemError = Error & { code: string; syscall?: string; path?: string; dest?: string };

export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as Partial<SystemError>).code === 'string' && /^E[A-Z]+$/.test((error as SystemError).code);
}

export class IoError extends Error {
  constructor(
    readonly action: string,
    readonly path: string,
    readonly code: string,
    reason: string,
  ) {
    super(`cannot ${action} ${path}: ${reason} (${code})`);
    this.name = 'IoError';
  }

  /** Wraps a system error met while doing `action` (e.g. `write`) on `path`. */
  static from(error: unknown, action: string, path: string): IoError {
    if (error instanceof IoError) return error;
    if (!isSystemError(error)) throw error;
    return new IoError(action, path, error.code, reasonOf(error));
  }
}

/** The system error's message without Node's `CODE: ` prefix and `, syscall 'path'` suffix. */
function reasonOf(error: SystemError): string {
  const message = error.message.replace(/^E[A-Z]+: /, '');
  const comma = message.indexOf(', ');
  return comma > 0 ? message.slice(0, comma) : message;
}
