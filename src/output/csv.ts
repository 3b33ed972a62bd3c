// CSV text (RFC 4180, header row, `.` decimals, empty cell for missing values) via csv-stringify, with
// plain rows (numbers and strings that need no quotes) joined directly, byte for byte as csv-stringify writes them.

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
  const prefix = plainLine(first);
  if (prefix === undefined) return csvLines(rows.map((row) => [...first, ...rest.map((column) => row[column])]));
  const lead = first.length === 0 ? '' : rest.length === 0 ? prefix : `${prefix},`;
  const cells: Cell[] = new Array(rest.length);
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < rest.length; i++) cells[i] = row[rest[i]];
    const line = plainLine(cells);
    text += line === undefined ? stringify([[...first, ...cells]], ROW_OPTIONS) : `${lead}${line}\r\n`;
  }
  return text;
}

/**
 * CSV lines of rows given as arrays of cells in column order. Rows of numbers, booleans, empty cells and
 * strings that need no quotes (the lines a run writes by the million) are joined here, as csv-stringify
 * would write them; a row with a string to quote goes to csv-stringify (test/output/csv.test.ts: the same bytes).
 */
export function csvLines(rows: readonly Cell[][]): string {
  let text = '';
  for (const row of rows) {
    const line = plainLine(row);
    text += line === undefined ? stringify([row as Cell[]], ROW_OPTIONS) : `${line}\r\n`;
  }
  return text;
}

/** Characters that make csv-stringify quote a string (the delimiter, the quote, and the record delimiter's). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The cells joined by commas, or undefined when one needs quotes or is no plain value. A row of finite numbers,
 * empty cells, booleans and plain strings is joined by Array.prototype.join, which writes a number as String does
 * and an empty cell as nothing, into one flat string (the cell-by-cell path below builds a string per cell).
 */
function plainLine(cells: readonly Cell[]): string | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const plain = typeof cell === 'number' ? cell - cell === 0 : typeof cell === 'string' ? !NEEDS_QUOTES.test(cell) : cell === null || cell === undefined || typeof cell === 'boolean';
    if (!plain) return cellByCell(cells);
  }
  return cells.join(',');
}

/** plainLine's cells one at a time: a number that is not finite is an empty cell. */
function cellByCell(cells: readonly Cell[]): string | undefined {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let text: string;
    if (typeof cell === 'number') text = formatNumber(cell);
    else if (typeof cell === 'string') {
      if (NEEDS_QUOTES.test(cell)) return undefined;
      text = cell;
    } else if (cell === null || cell === undefined) text = '';
    else if (typeof cell === 'boolean') text = cell ? 'true' : 'false';
    else return undefined;
    line = i === 0 ? text : `${line},${text}`;
  }
  return line;
}

/** Shortest round-trip decimal; never exponent notation for ordinary magnitudes, never locale separators. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(x);
}
