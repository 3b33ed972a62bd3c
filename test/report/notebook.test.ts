// notebook.ipynb: valid against the nbformat v4 JSON schema, and every chart is a saved
// display_data output with Vega-Lite, PNG and text. The schema is the v4.0 one the `nbformat`
// npm package ships, with the one rule nbformat 4.1 changed brought up to date: MIME types ending
// in +json hold any JSON value (JupyterLab writes Vega-Lite outputs as objects), the others text.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Validator } from 'jsonschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildReport } from '../../src/report/index.js';
import { VEGA_LITE_MIME } from '../../src/report/notebook.js';
import { fixtureCopy } from './helpers.js';

interface Output { output_type: string; data: Record<string, unknown> }
interface Cell { cell_type: string; source: string[]; outputs?: Output[] }

function nbformatSchema(): Record<string, unknown> {
  const schemaPath = createRequire(import.meta.url).resolve('nbformat/v4/nbformat.v4.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  schema.definitions.misc.mimebundle.patternProperties = {
    '^.*\\+json$': { description: 'MIME types with JSON output: any JSON value' },
    '^(?!.*\\+json$)[a-zA-Z0-9]+/[a-zA-Z0-9\\-\\+\\.]+$': { $ref: '#/definitions/misc/multiline_string' },
  };
  return schema;
}

describe('notebook.ipynb', () => {
  let dir: string;
  let text: string;
  let charts: string[];

  beforeAll(async () => {
    dir = fixtureCopy();
    ({ charts } = await buildReport(dir));
    text = readFileSync(join(dir, 'notebook.ipynb'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid against the nbformat v4 schema', () => {
    const result = new Validator().validate(JSON.parse(text), nbformatSchema());
    expect(result.errors.map((e) => `${e.property}: ${e.message}`)).toEqual([]);
  });

  it('holds the schema check to account: a broken notebook fails it', () => {
    const broken = JSON.parse(text);
    broken.cells.find((c: Cell) => c.outputs?.length).outputs[0].data['image/png'] = { not: 'text' };
    expect(new Validator().validate(broken, nbformatSchema()).valid).toBe(false);
    const unknownCell = JSON.parse(text);
    unknownCell.cells[1].execution_count = 1;
    expect(new Validator().validate(unknownCell, nbformatSchema()).valid).toBe(false);
  });

  it('has one code cell per chart with a Vega-Lite v5 output, a PNG fallback and plain text', () => {
    const nb = JSON.parse(text) as { nbformat: number; cells: Cell[] };
    expect(nb.nbformat).toBe(4);
    const code = nb.cells.filter((c) => c.cell_type === 'code' && c.outputs?.length);
    expect(code.length).toBe(charts.length);
    code.forEach((cell, i) => {
      expect(cell.source.join('')).toContain(`charts/${charts[i]}.vl.json`);
      const [output] = cell.outputs!;
      expect(output.output_type).toBe('display_data');
      expect(Object.keys(output.data).sort()).toEqual([VEGA_LITE_MIME, 'image/png', 'text/plain'].sort());
      expect((output.data[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(Buffer.from(output.data['image/png'] as string, 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
    });
  });

  it('has a cell that loads every table with pandas, from parquet/ or the CSV files', () => {
    const nb = JSON.parse(text) as { cells: Cell[] };
    const loaders = nb.cells.filter((c) => c.cell_type === 'code' && c.outputs?.length === 0).map((c) => c.source.join(''));
    expect(loaders).toHaveLength(1);
    expect(loaders[0]).toContain('import pandas as pd');
    expect(loaders[0]).toContain("pd.read_parquet(parquet)");
    expect(loaders[0]).toContain("'transactions'");
  });

  it('escapes the scenario text in Markdown and has the summary table', () => {
    const nb = JSON.parse(text) as { cells: Cell[] };
    const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n')
      .replace(/^(`{3,})yaml\n[\s\S]*?\n\1$/m, '');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('&lt;script&gt;');
    expect(markdown).toMatch(/\| workload\.rate \| ledger \| n \|/);
  });
});
