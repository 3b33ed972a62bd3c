// CSV text (RFC 4180, header row, `.` decimals, empty cell for missing values) via csv-stringify.

import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export function csvHeader(columns: readonly string[]): string {
  return stringify([columns as string[]], { record_delimiter: '\r\n' });
}

const ROW_OPTIONS = {
  record_delimiter: '\r\n',
  cast: { number: formatNumber, boolean: (b: boolean) => (b ? 'true' : 'false') },
};

/**
 * CSV lines of `rows`, cells in `columns` order. A `tag` (the first columns' cells, the same for every row,
 * e.g. run_id and ledger) starts each line without being copied into each row object, which would cost more
 * than the formatting.
 */
export function csvRows(rows: readonly Record<string, Cell>[], columns: readonly string[], tag?: Record<string, Cell>): string {
  if (rows.length === 0) return '';
  if (!tag) return stringify(rows as Record<string, Cell>[], { ...ROW_OPTIONS, columns: columns as string[] });
  const tagColumns = Object.keys(tag);
  if (tagColumns.some((column, i) => columns[i] !== column)) throw new Error(`csvRows: tag columns ${tagColumns.join(', ')} are not the first of ${columns.join(', ')}`);
  const first = Object.values(tag);
  const rest = columns.slice(first.length);
  return csvLines(rows.map((row) => [...first, ...rest.map((column) => row[column])]));
}

/** CSV lines of rows given as arrays of cells in column order. */
export function csvLines(rows: readonly Cell[][]): string {
  if (rows.length === 0) return '';
  return stringify(rows as Cell[][], ROW_OPTIONS);
}

/** Shortest round-trip decimal; never exponent notation for ordinary magnitudes, never locale separators. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(x);
}
