// The CSV writer: RFC 4180 quoting of commas, quotes and line breaks, empty cells for missing
// values and shortest round-trip numbers, read back with csv-parse to exactly what went in.

import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvHeader, csvRows, formatNumber } from '../../src/output/csv.js';

describe('csv writer', () => {
  it('quotes commas, quotes and line breaks so that a CSV reader gets the text back', () => {
    const columns = ['label', 'note', 'x'];
    const rows = [
      { label: 'a,b', note: 'say "hi"', x: 1 },
      { label: 'two\r\nlines', note: 'one\nline feed', x: 2 },
      { label: 'plain', note: '', x: 3 },
    ];
    const text = csvHeader(columns) + csvRows(rows, columns);
    expect(text.startsWith('label,note,x\r\n"a,b","say ""hi""",1\r\n')).toBe(true);
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(back).toEqual(rows.map((r) => ({ ...r, x: String(r.x) })));
  });

  it('writes missing values and non-finite numbers as empty cells, numbers without exponent or separators', () => {
    const columns = ['a', 'b', 'c', 'd', 'e', 'f'];
    const text = csvRows([{ a: null, b: undefined, c: Number.NaN, d: 1234567.25, e: 0.1 + 0.2, f: true }], columns);
    expect(text).toBe(',,,1234567.25,0.30000000000000004,true\r\n');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvRows([], columns)).toBe('');
  });
});
