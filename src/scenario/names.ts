// Names that become file and folder names (the scenario name, ledger labels): letters, digits, ".", "_"
// and "-", starting with a letter or digit, so that none can be "..", hold a "/" or climb out of --out.

import * as z from './zod.js';

/** Longest name accepted: run ids and file names are built from it and must stay short. */
export const MAX_NAME_LENGTH = 64;

const SAFE_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_NAME_LENGTH - 1}}$`);

/** A string schema for a safe name; `what` says what it names, for the message (e.g. "the results folder"). */
export function safeName(what: string) {
  return z.string().regex(SAFE_NAME, {
    error: `expected at most ${MAX_NAME_LENGTH} letters, digits, ".", "_" or "-", starting with a letter or digit (it names ${what})`,
  });
}

/** `ledgers[].label`: shared by every ledger kind's schema. */
export const ledgerLabelSchema = safeName('the ledger in run ids and file names')
  .optional()
  .meta({ description: 'unique name of this ledger in results (default: its kind); letters, digits, ".", "_" or "-", starting with a letter or digit' });
