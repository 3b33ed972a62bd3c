// Exit codes of SPEC.md, and the one place that turns a scenario problem into exit code 2.

import { ScenarioError } from '../scenario/problems.js';

export const EXIT = { ok: 0, runFailed: 1, usage: 2, interrupted: 130 } as const;

/** Runs `action`; a ScenarioError is printed one problem per line and exits 2 (nothing else is caught). */
export async function withScenarioErrors(action: () => Promise<number>): Promise<never> {
  try {
    process.exit(await action());
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const line of error.message.split('\n')) process.stderr.write(`error: ${line}\n`);
    process.exit(EXIT.usage);
  }
}
