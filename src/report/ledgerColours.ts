// One fixed colour per ledger, in the manifest's ledger order, used as an explicit scale
// (domain and range) in every chart so a ledger has the same colour everywhere.

import type { JsonObject } from './json.js';

/** Colour-blind-friendly categorical palette (Okabe–Ito, then Tableau-like extras). */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F7F7F', '#BCBD22', '#17BECF'];

export function ledgerColourRange(ledgers: readonly string[]): string[] {
  return ledgers.map((_, i) => PALETTE[i % PALETTE.length]);
}

/** A colour encoding of the `ledger` field with the fixed ledger scale. */
export function ledgerColour(ledgers: readonly string[]): JsonObject {
  return {
    field: 'ledger',
    type: 'nominal',
    title: 'ledger',
    scale: { domain: [...ledgers], range: ledgerColourRange(ledgers) },
  };
}
