// The command's start (src/cli/start.ts): a failure no command turned into its message is reported as a
// fault of dv2g's, with its stack, and exits 1 (not as Node's uncaught error with the bundle's source line).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../src/cli/start.js';

describe("the command's start", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('reports an unexpected failure with its stack and exit code 1', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await start(['run', 'x'], () => ({
      runCli: async () => {
        throw new Error('boom in a command');
      },
    }));
    expect(process.exitCode).toBe(1);
    const written = stderr.mock.calls.map(([text]) => String(text)).join('');
    expect(written).toMatch(/^dv2g: unexpected failure \(a fault in dv2g: please report it with the command that caused it\):\nError: boom in a command\n {4}at /);
  });

  it('leaves a command that succeeds alone, and answers --version without loading the command line', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const runCli = vi.fn(async () => undefined);
    await start(['validate', 'x'], () => ({ runCli }));
    expect(runCli).toHaveBeenCalledWith(['validate', 'x']);
    const load = vi.fn(() => ({ runCli }));
    await start(['--version'], load);
    expect(load).not.toHaveBeenCalled();
    expect(stdout).toHaveBeenCalledWith(expect.stringMatching(/^\d+\.\d+\.\d+/));
    expect(process.exitCode).toBeUndefined();
  });
});
