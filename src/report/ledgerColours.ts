// One fixed colour, dash and point shape per ledger, in the manifest's ledger order, used as explicit
// scales in every chart so a ledger looks the same everywhere; a chart's legend lists only the
// ledgers it draws, and dashes and shapes keep ledgers with equal values apart where lines overlap.

import type { Json, JsonObject } from './json.js';

/** Colour-blind-friendly categorical palette (Okabe–Ito, then Tableau-like extras). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F7F7F', '#BCBD22', '#17BECF'];
const DASHES = [[1, 0], [7, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];

export function ledgerColourRange(ledgers: readonly string[]): string[] {
  return ledgers.map((_, i) => PALETTE[i % PALETTE.length]);
}

/** The ledgers (in their fixed order) that appear in `rows`; all of them when no rows are given. */
function drawn(ledgers: readonly string[], rows?: readonly { ledger?: unknown }[]): number[] {
  const present = rows ? new Set(rows.map((r) => String(r.ledger))) : undefined;
  return ledgers.flatMap((l, i) => (!present || present.has(l) ? [i] : []));
}

function ledgerScale(ledgers: readonly string[], rows: readonly { ledger?: unknown }[] | undefined, range: readonly Json[]): JsonObject {
  const shown = drawn(ledgers, rows);
  return { domain: shown.map((i) => ledgers[i]), range: shown.map((i) => range[i % range.length]) };
}

/** A colour encoding of the `ledger` field with the fixed ledger scale, its legend limited to the ledgers in `rows`. */
export function ledgerColour(ledgers: readonly string[], rows?: readonly { ledger?: unknown }[]): JsonObject {
  return { field: 'ledger', type: 'nominal', title: 'ledger', scale: ledgerScale(ledgers, rows, PALETTE) };
}

/** A stroke-dash encoding of the `ledger` field (solid, dashed, dotted, ...), so coinciding lines both show. */
export function ledgerDash(ledgers: readonly string[], rows?: readonly { ledger?: unknown }[]): JsonObject {
  return { field: 'ledger', type: 'nominal', title: 'ledger', scale: ledgerScale(ledgers, rows, DASHES) };
}

/** A point-shape encoding of the `ledger` field, so coinciding points both show. */
export function ledgerShape(ledgers: readonly string[], rows?: readonly { ledger?: unknown }[]): JsonObject {
  return { field: 'ledger', type: 'nominal', title: 'ledger', scale: ledgerScale(ledgers, rows, SHAPES) };
}
