// buildReport: (re)builds the analyst outputs of a results directory: charts/<name>.vl.json,
// .svg and .png for every chart the data supports, report.html and notebook.ipynb. Every file
// is written atomically; the .vl.json files, report.html and notebook.ipynb depend only on the
// directory's contents (no clock, no randomness), so rebuilding gives the same bytes. prepareReport
// makes the same files in memory, for a run to write once its manifest is in place.

import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharts } from './charts.js';
import { writeFileAtomic } from '../io/atomicFile.js';
import { notebook, type RenderedChart } from './notebook.js';
import { renderPng, renderSvg } from './render.js';
import { reportPage } from './reportPage.js';
import { readResults, type ReportManifest } from './resultsData.js';
import { readOwnerBenefits } from './ownerBenefits.js';

export interface BuildReportOptions {
  onProgress?: (message: string) => void;
  /**
   * The manifest to report, in place of the directory's manifest.json: the one a run is about to write there
   * (the report is then prepared while the run's database builds, and committed after the manifest).
   */
  manifest?: ReportManifest;
}

/** A report made in memory: `commit` writes its files (atomically each) and removes stale chart files. */
export interface PreparedReport {
  charts: string[];
  commit(): void;
}

const CHART_FILE = /^(.+)\.(vl\.json|svg|png)$/;

export async function buildReport(resultsDir: string, options: BuildReportOptions = {}): Promise<{ charts: string[] }> {
  const prepared = await prepareReport(resultsDir, options);
  prepared.commit();
  return { charts: prepared.charts };
}

/** Reads the directory and renders every chart, the page and the notebook, writing nothing yet. */
export async function prepareReport(resultsDir: string, options: BuildReportOptions = {}): Promise<PreparedReport> {
  const progress = options.onProgress ?? (() => undefined);
  const data = readResults(resultsDir, options.manifest);
  const charts = buildCharts(data, await readOwnerBenefits(resultsDir, data.runs.map((r) => String(r.run_id))));
  const chartsDir = join(resultsDir, 'charts');
  const files: [path: string, content: string | Uint8Array][] = [];
  const pngs: Promise<Uint8Array>[] = [];
  for (const chart of charts) {
    progress(`chart ${chart.name}`);
    const svg = await renderSvg(chart.spec);
    pngs.push(renderPng(svg));
    files.push([join(chartsDir, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`], [join(chartsDir, `${chart.name}.svg`), svg]);
  }
  progress('PNG renderings');
  const rendered: RenderedChart[] = [];
  for (const [i, png] of (await Promise.all(pngs)).entries()) {
    files.push([join(chartsDir, `${charts[i].name}.png`), png]);
    rendered.push({ chart: charts[i], png });
  }
  progress('report.html');
  files.push([join(resultsDir, 'report.html'), reportPage(data, charts)]);
  progress('notebook.ipynb');
  files.push([join(resultsDir, 'notebook.ipynb'), notebook(data, rendered)]);
  const names = charts.map((c) => c.name);
  return {
    charts: names,
    commit() {
      removeStaleCharts(chartsDir, new Set(names));
      for (const [path, content] of files) writeFileAtomic(path, content);
    },
  };
}

/** Chart files of an earlier build whose chart the data no longer supports. */
function removeStaleCharts(chartsDir: string, current: Set<string>): void {
  if (!existsSync(chartsDir)) return;
  for (const file of readdirSync(chartsDir)) {
    const match = CHART_FILE.exec(file);
    if (match && !current.has(match[1])) rmSync(join(chartsDir, file));
  }
}
