// `dv2g compare <dir-a> <dir-b>`: B - A per ledger, sweep point and metric with 95% CIs (paired where
// the runs share seeds), as a terminal table, JSON (--json) or a self-contained page (--html FILE).

import type { CommandModule } from 'yargs';
import { EXIT, withScenarioErrors } from './exitCodes.js';

interface CompareArgs {
  dirA: string;
  dirB: string;
  metric: string[];
  json: boolean;
  html?: string;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <dir-a> <dir-b>',
  describe: 'differences between two results directories, metric by metric, with 95% CIs (paired where the runs share seeds)',
  builder: (y) =>
    y
      .positional('dir-a', { type: 'string', demandOption: true, describe: 'results directory A (the reference)' })
      .positional('dir-b', { type: 'string', demandOption: true, describe: 'results directory B (differences are B - A)' })
      .option('metric', { type: 'string', array: true, default: [], describe: 'only these metrics (repeatable), e.g. --metric latency_p95_s' })
      .option('json', { type: 'boolean', default: false, describe: 'print the comparison as JSON on stdout' })
      .option('html', { type: 'string', describe: 'also write the comparison as a self-contained HTML page to this file' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const [{ compareResults }, { comparePage, comparisonCells, COMPARISON_HEADERS }, { writeFileAtomic }] = await Promise.all([
        import('../compare/compareResults.js'),
        import('../compare/comparePage.js'),
        import('../io/atomicFile.js'),
      ]);
      const comparison = compareResults(args.dirA, args.dirB, args.metric);
      if (args.html) writeFileAtomic(args.html, comparePage(comparison));
      if (args.json) process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
      else process.stdout.write(`A = ${args.dirA}, B = ${args.dirB}\n${textTable([COMPARISON_HEADERS, ...comparisonCells(comparison)])}\n${args.html ? `page: ${args.html}\n` : ''}`);
      return EXIT.ok;
    }),
};

function textTable(cells: string[][]): string {
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}
