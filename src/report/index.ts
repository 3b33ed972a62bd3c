// buildReport: (re)builds the analyst outputs of a results directory: charts/<name>.vl.json,
// .svg and .png for every chart the data supports, report.html and notebook.ipynb. Every file
// is written atomically; the .vl.json files, report.html and notebook.ipynb depend only on the
// directory's contents (no clock, no randomness), so rebuilding gives the same bytes.

import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharts } from './charts.js';
import { writeFileAtomic } from '../io/atomicFile.js';
import { notebook, type RenderedChart } from './notebook.js';
import { renderPng, renderSvg } from './render.js';
import { reportPage } from './reportPage.js';
import { readResults } from './resultsData.js';
import { readOwnerBenefits } from './ownerBenefits.js';

export interface BuildReportOptions {
  onProgress?: (message: string) => void;
}

const CHART_FILE = /^(.+)\.(vl\.json|svg|png)$/;

export async function buildReport(resultsDir: string, options: BuildReportOptions = {}): Promise<{ charts: string[] }> {
  const progress = options.onProgress ?? (() => undefined);
  const data = readResults(resultsDir);
  const charts = buildCharts(data, await readOwnerBenefits(resultsDir, data.runs.map((r) => String(r.run_id))));
  const chartsDir = join(resultsDir, 'charts');
  removeStaleCharts(chartsDir, new Set(charts.map((c) => c.name)));
  const pngs: Promise<Uint8Array>[] = [];
  for (const chart of charts) {
    progress(`chart ${chart.name}`);
    const svg = await renderSvg(chart.spec);
    pngs.push(renderPng(svg));
    writeFileAtomic(join(chartsDir, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
    writeFileAtomic(join(chartsDir, `${chart.name}.svg`), svg);
  }
  progress('PNG renderings');
  const rendered: RenderedChart[] = [];
  for (const [i, png] of (await Promise.all(pngs)).entries()) {
    writeFileAtomic(join(chartsDir, `${charts[i].name}.png`), png);
    rendered.push({ chart: charts[i], png });
  }
  progress('report.html');
  writeFileAtomic(join(resultsDir, 'report.html'), reportPage(data, charts));
  progress('notebook.ipynb');
  writeFileAtomic(join(resultsDir, 'notebook.ipynb'), notebook(data, rendered));
  return { charts: charts.map((c) => c.name) };
}

/** Chart files of an earlier build whose chart the data no longer supports. */
function removeStaleCharts(chartsDir: string, current: Set<string>): void {
  if (!existsSync(chartsDir)) return;
  for (const file of readdirSync(chartsDir)) {
    const match = CHART_FILE.exec(file);
    if (match && !current.has(match[1])) rmSync(join(chartsDir, file));
  }
}
