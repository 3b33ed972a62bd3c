// transactions.csv's lines from the log: the same bytes formatted on the run's thread and on 2 to 4 helper threads,
// in id order, quoting a ledger label that needs it; a helper that fails ends the file with an error naming it.

import { describe, expect, it } from 'vitest';
import { TxLog } from '../../src/metrics/txLog.js';
import { transactionLines } from '../../src/runner/transactionLines.js';
import type { RunSpec } from '../../src/scenario/runList.js';

const decoder = new TextDecoder();
const text = (chunks: Iterable<string | Uint8Array>) => [...chunks].map((chunk) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk))).join('');

/** A log of `n` transactions: some confirmed, a few with fees (so the fee column starts part-way), odd values. */
function logOf(n: number): TxLog {
  const log = new TxLog(16);
  for (let i = 0; i < n; i++) {
    const id = log.add(i % 97, 200 + (i % 7), (i * 0.37) % 5, i > n / 2 && i % 5 === 0 ? 1e-6 * i : 0, 3600 + i * 0.013);
    if (i % 3 !== 0) log.confirm(id, 3600 + i * 0.013 + 1 / (1 + (i % 11)));
  }
  return log;
}

const run = (ledger: string) => ({ runId: 'p0-pow-r0', ledger } as RunSpec);

describe('transactions.csv lines', () => {
  const log = logOf(2_345);

  it.each([2, 3, 4])('are the same bytes on %i helper threads as on the run thread, in id order', (threads) => {
    const options = { sliceRows: 100, helpedRows: 0 };
    const alone = text(transactionLines(run('pow'), log, 1, options));
    const helped = [...transactionLines(run('pow'), log, threads, options)];
    expect(text(helped)).toBe(alone);
    expect(helped).toHaveLength(24);
    expect(helped.every((chunk) => chunk instanceof Uint8Array)).toBe(true);
    const lines = alone.split('\r\n');
    expect(lines).toHaveLength(2_346);
    expect(lines[0]).toBe('p0-pow-r0,pow,0,0,200,0,0,3600,,');
    expect(lines[1]).toBe(`p0-pow-r0,pow,1,1,201,0.37,0,3600.013,${3600.013 + 1 / 2},${3600.013 + 1 / 2 - 3600.013}`);
    expect(lines.slice(0, -1).map((line) => Number(line.split(',')[2]))).toEqual([...Array(2_345).keys()]);
    // Fees appear only from the first one that is not 0.
    expect(lines[1175].split(',')[6]).toBe(String(1e-6 * 1175));
    expect(lines.at(-1)).toBe('');
  });

  it('quotes a ledger label that needs it, on helper threads too', () => {
    const options = { sliceRows: 500, helpedRows: 0 };
    const label = 'pow "fast", 1s';
    const helped = text(transactionLines(run(label), log, 2, options));
    expect(helped).toBe(text(transactionLines(run(label), log, 1, options)));
    expect(helped.startsWith('p0-pow-r0,"pow ""fast"", 1s",0,')).toBe(true);
  });

  it('formats a small log on the run thread, without helpers', () => {
    const chunks = [...transactionLines(run('pow'), log, 4, { sliceRows: 1_000 })];
    expect(chunks.every((chunk) => typeof chunk === 'string')).toBe(true);
  });

  it('ends with an error naming the helper when its thread cannot start its code', () => {
    const broken = new URL('./no-such-module.js', import.meta.url);
    expect(() => [...transactionLines(run('pow'), log, 2, { sliceRows: 100, helpedRows: 0, module: broken })]).toThrow(/transactions\.csv's helper thread 0 failed after 0 slices: its module did not load/);
  });
});
