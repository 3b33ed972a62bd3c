// Builds a results directory's charts, report.html and notebook under its lock (for `merge` and `report`;
// `run` makes its report while its database builds, under its own lock); imported only when a report is
// built, so the other commands never load the charting stack.

import { join } from 'node:path';
import { buildReport } from '../report/index.js';
import { lockDirectory } from '../io/dirLock.js';
import { leftoversNotice, removeLeftovers } from '../io/leftovers.js';

/** Builds the report of `dir` under its lock, printing where it went unless quiet. */
export async function writeReport(dir: string, quiet: boolean, onNotice?: (message: string) => void): Promise<void> {
  const lock = lockDirectory(dir, 'report', onNotice);
  let charts: string[];
  try {
    const leftovers = removeLeftovers(dir, ['report.html', 'notebook.ipynb'], ['charts']);
    if (leftovers.length) onNotice?.(leftoversNotice(leftovers));
    ({ charts } = await buildReport(dir, { onProgress: (m) => quiet || !process.stderr.isTTY || process.stderr.write(`\rdv2g: building ${m.padEnd(40)}`) }));
  } finally {
    lock.release();
  }
  if (!quiet && process.stderr.isTTY) process.stderr.write('\r'.padEnd(60) + '\r');
  if (!quiet) printReportLine(dir, charts);
}

/** The line saying where the report went. */
export function printReportLine(dir: string, charts: string[]): void {
  process.stdout.write(`report: ${charts.length} charts, ${join(dir, 'report.html')}, ${join(dir, 'notebook.ipynb')}\n`);
}
