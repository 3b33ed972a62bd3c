// The CSV writer: RFC 4180 quoting of commas, quotes and line breaks, empty cells for missing
// values and shortest round-trip numbers, read back with csv-parse to exactly what went in; rows joined
// directly byte for byte as csv-stringify writes them.

import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import seedrandom from 'seedrandom';
import { csvHeader, csvLines, csvRows, formatNumber } from '../../src/output/csv.js';

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

  it('starts every row with a tag\'s cells as if they were in each row, and refuses a tag that is not the first columns', () => {
    const columns = ['run_id', 'ledger', 'x', 'y'];
    const rows = [{ x: 1, y: null }, { x: 2.5, y: true }];
    const tag = { run_id: 'p0-a,b-r0', ledger: 'pow' };
    const tagged = csvRows(rows, columns, tag);
    expect(tagged).toBe(csvRows(rows.map((row) => ({ ...tag, ...row })), columns));
    expect(tagged).toBe('"p0-a,b-r0",pow,1,\r\n"p0-a,b-r0",pow,2.5,true\r\n');
    expect(csvLines([['p0-a,b-r0', 'pow', 1, null], ['p0-a,b-r0', 'pow', 2.5, true]])).toBe(tagged);
    expect(() => csvRows(rows, columns, { ledger: 'pow' })).toThrow(/tag columns ledger are not the first/);
  });

  it('writes random rows, plain and to quote, byte for byte as csv-stringify does', () => {
    const rng = seedrandom('csv-fast-path');
    const strings = ['', ' ', 'plain', 'a,b', 'say "hi"', 'x\r', '\ny', 'tab\there', '=1+2', '-3', ' lead', 'trail ', 'é€😀', '""', "'"];
    const numbers = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE];
    const draw = (): string | number | boolean | null | undefined => {
      const kind = Math.floor(rng() * 6);
      if (kind === 0) return strings[Math.floor(rng() * strings.length)];
      if (kind === 1) return numbers[Math.floor(rng() * numbers.length)];
      if (kind === 2) return (rng() - 0.5) * 10 ** Math.floor(rng() * 30 - 15);
      if (kind === 3) return rng() < 0.5;
      return kind === 4 ? null : undefined;
    };
    const options = { record_delimiter: '\r\n', cast: { number: formatNumber, boolean: (b: boolean) => (b ? 'true' : 'false') } };
    for (let trial = 0; trial < 300; trial++) {
      const width = 1 + Math.floor(rng() * 6);
      const rows = Array.from({ length: 1 + Math.floor(rng() * 5) }, () => Array.from({ length: width }, draw));
      expect(csvLines(rows), JSON.stringify(rows)).toBe(stringify(rows, options));
      const columns = Array.from({ length: width }, (_, i) => `c${i}`);
      const tagWidth = Math.floor(rng() * (width + 1));
      const tag = Object.fromEntries(columns.slice(0, tagWidth).map((c) => [c, draw()]));
      const objects = rows.map((row) => Object.fromEntries(columns.slice(tagWidth).map((c, i) => [c, row[tagWidth + i]])));
      const whole = objects.map((o) => Object.values({ ...tag, ...o }));
      expect(csvRows(objects, columns, tag), JSON.stringify({ tag, objects })).toBe(stringify(whole, options));
    }
  });
});
