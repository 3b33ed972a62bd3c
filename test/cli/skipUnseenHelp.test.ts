// yargs' unseen help rendering is turned off through its internals: this fails, rather than letting every
// command silently slow down again, when a yargs release changes them.

import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { skipUnseenHelp } from '../../src/cli/skipUnseenHelp.js';

interface CachedHelp {
  getInternalMethods(): { getUsageInstance(): { hasCachedHelpMessage(): boolean } };
}

async function runCommand(skip: boolean): Promise<{ ran: boolean; helpRendered: boolean; applied: boolean }> {
  let ran = false;
  const cli = yargs(['go', '--fast']);
  const applied = skip ? skipUnseenHelp(cli) : false;
  await cli
    .command('go', 'a command', (y) => y.option('fast', { type: 'boolean' }), (args) => { ran = args.fast === true; })
    .strict()
    .fail((message, error) => { throw error ?? new Error(message); })
    .parseAsync();
  return { ran, applied, helpRendered: (cli as unknown as CachedHelp).getInternalMethods().getUsageInstance().hasCachedHelpMessage() };
}

describe('skipUnseenHelp', () => {
  it("keeps yargs from rendering a command's help that no one will see, and the command runs", async () => {
    expect(await runCommand(false)).toEqual({ ran: true, applied: false, helpRendered: true });
    expect(await runCommand(true)).toEqual({ ran: true, applied: true, helpRendered: false });
  });

  it('leaves alone what is not a yargs instance it knows', () => {
    expect(skipUnseenHelp({})).toBe(false);
  });
});
