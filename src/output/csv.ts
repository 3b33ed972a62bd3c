// CSV text (RFC 4180, header row, `.` decimals, empty cell for missing values) via csv-stringify.

import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export function csvHeader(columns: readonly string[]): string {
  return stringify([columns as string[]], { record_delimiter: '\r\n' });
}

export function csvRows(rows: readonly Record<string, Cell>[], columns: readonly string[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as Record<string, Cell>[], {
    columns: columns as string[],
    record_delimiter: '\r\n',
    cast: { number: formatNumber, boolean: (b) => (b ? 'true' : 'false') },
  });
}

/** Shortest round-trip decimal; never exponent notation for ordinary magnitudes, never locale separators. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(x);
}
