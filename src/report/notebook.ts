// notebook.ipynb: an nbformat 4.4 notebook (no cell ids) that shows without a kernel: Markdown
// cells for the sections and tables, and one code cell per chart whose saved output holds the
// Vega-Lite spec (application/vnd.vegalite.v5+json), a PNG fallback and plain text.

import { stringify } from 'yaml';
import type { Chart } from './chart.js';
import { escapeMarkdown, markdownFence } from './escape.js';
import type { Json, JsonObject } from './json.js';
import type { ResultsData } from './resultsData.js';
import { provenance, summaryTable, type Table } from './summaryTable.js';
import { DATABASE_FILE, DATABASE_TABLES, PARQUET_DIR } from '../output/database.js';

/** The MIME type JupyterLab, VS Code and GitHub render; its renderers bundle Vega-Lite 5. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export interface RenderedChart {
  chart: Chart;
  png: Uint8Array;
}

export function notebook(data: ResultsData, rendered: RenderedChart[]): string {
  const scenario = data.manifest.scenario;
  const cells: JsonObject[] = [
    markdown([
      `# dv2g report: ${escapeMarkdown(scenario.name)}`,
      '',
      ...(scenario.description ? [escapeMarkdown(scenario.description), ''] : []),
      `Status **${escapeMarkdown(data.manifest.status)}**, ${data.manifest.runs.length} runs; ledgers: ${data.ledgers.map(escapeMarkdown).join(', ')}${data.sweptKeys.length ? `; swept: ${data.sweptKeys.map(escapeMarkdown).join(', ')}` : ''}.`,
      '',
      'The charts below are saved outputs: they show without running anything. Re-running a chart cell reloads its spec from `charts/` beside this notebook.',
    ]),
    markdown(['## Summary', '', 'Means over replications with 95% confidence intervals, per sweep point and ledger (aggregate.csv).', '', ...markdownTable(summaryTable(data))]),
    markdown(['## The tables', '', `Run the next cell to load every table with pandas (from \`${PARQUET_DIR}/\` where present, else the CSV files). The same tables are in \`${DATABASE_FILE}\` for SQL: \`duckdb.connect('${DATABASE_FILE}', read_only=True).sql('SELECT * FROM paired').df()\`.`]),
    tablesCell(),
    ...rendered.flatMap(({ chart, png }) => [
      markdown([`## ${escapeMarkdown(chart.title)}`, '', escapeMarkdown(chart.description)]),
      chartCell(chart, png),
    ]),
    markdown(['## Scenario', '', ...fenced(stringify(scenario, { sortMapEntries: false }), 'yaml')]),
    markdown(['## Provenance', '', ...markdownTable({ headers: ['field', 'value'], rows: provenance(data) })]),
  ];
  const document: JsonObject = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

function chartCell(chart: Chart, png: Uint8Array): JsonObject {
  const spec: JsonObject = { ...chart.spec, $schema: VEGA_LITE_V5_SCHEMA };
  return {
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [{
      output_type: 'display_data',
      data: {
        [VEGA_LITE_MIME]: spec,
        'image/png': Buffer.from(png).toString('base64'),
        'text/plain': [`<dv2g chart: ${chart.title}>`],
      },
      metadata: {},
    }],
    source: lines([
      'import json',
      'from IPython.display import display',
      '',
      `with open('charts/${chart.name}.vl.json') as f:`,
      `    display({'${VEGA_LITE_MIME}': json.load(f)}, raw=True)`,
    ]),
  };
}

/** A code cell (not run, no outputs) that loads the results' tables into pandas DataFrames. */
function tablesCell(): JsonObject {
  return {
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source: lines([
      'from pathlib import Path',
      'import pandas as pd',
      '',
      'tables = {}',
      `for name in [${DATABASE_TABLES.map((t) => `'${t}'`).join(', ')}]:`,
      `    parquet, csv = Path('${PARQUET_DIR}') / f'{name}.parquet', Path(f'{name}.csv')`,
      '    if parquet.exists():',
      '        tables[name] = pd.read_parquet(parquet)',
      '    elif csv.exists():',
      '        tables[name] = pd.read_csv(csv)',
      "runs, aggregate = tables['runs'], tables['aggregate']",
      'aggregate.head()',
    ]),
  };
}

function markdown(text: string[]): JsonObject {
  return { cell_type: 'markdown', metadata: {}, source: lines(text) };
}

/** nbformat's multi-line string: one entry per line, each but the last ending in a newline. */
function lines(text: string[]): Json[] {
  const all = text.join('\n').split('\n');
  return all.map((line, i) => (i < all.length - 1 ? `${line}\n` : line));
}

function markdownTable(table: Table): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [row(table.headers), `|${table.headers.map(() => ' --- ').join('|')}|`, ...table.rows.map(row)];
}

function fenced(text: string, language: string): string[] {
  const fence = markdownFence(text);
  return [`${fence}${language}`, ...text.replace(/\n$/, '').split('\n'), fence];
}
