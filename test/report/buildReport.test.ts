// buildReport on the fixture: every chart written as .vl.json, SVG and a valid PNG; report.html
// escapes the scenario's text and inlines everything; a rebuild gives byte-identical files.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { writeReport } from '../../src/cli/writeReport.js';
import { fixtureCopy } from './helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('buildReport', () => {
  let dir: string;
  let charts: string[];
  const progress: string[] = [];

  beforeAll(async () => {
    dir = fixtureCopy();
    ({ charts } = await buildReport(dir, { onProgress: (m) => progress.push(m) }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a spec, an SVG and a PNG for every chart, and reports progress', () => {
    expect(charts.length).toBe(11);
    for (const name of charts) {
      const spec = JSON.parse(readFileSync(join(dir, 'charts', `${name}.vl.json`), 'utf8'));
      expect(spec.$schema).toContain('vega-lite');
      const svg = readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(/<text/);
      expect(svg).not.toContain('NaN');
      const png = readFileSync(join(dir, 'charts', `${name}.png`));
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.toString('ascii', 12, 16)).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBeGreaterThan(100);
      expect(png.readUInt32BE(20)).toBeGreaterThan(100);
    }
    expect(progress).toEqual([...charts.map((c) => `chart ${c}`), 'PNG renderings', 'report.html', 'notebook.ipynb']);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('escapes the scenario description in report.html and adds no script of its own', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Synthetic results for the report tests &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/<\/script>[^\n]*alert/);
    expect(html.match(/<script[\s>]/g)?.length).toBe(3);
    expect(html.match(/<\/script>/g)?.length).toBe(3);
  });

  it('is self-contained: no external URL is loaded', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('rebuilds byte-identical specs, report and notebook, and drops charts the data no longer has', async () => {
    const files = [...charts.map((c) => join('charts', `${c}.vl.json`)), 'report.html', 'notebook.ipynb'];
    const before = files.map((f) => readFileSync(join(dir, f)));
    writeFileSync(join(dir, 'charts', 'obsolete.svg'), '<svg/>');
    await buildReport(dir);
    files.forEach((f, i) => expect(readFileSync(join(dir, f)).equals(before[i]), f).toBe(true));
    expect(existsSync(join(dir, 'charts', 'obsolete.svg'))).toBe(false);
  });

  it('`dv2g report` removes what a report killed mid-write left, and nothing else', async () => {
    writeFileSync(join(dir, 'report.html.tmp-4242-1'), '<p>half');
    writeFileSync(join(dir, 'charts', 'latency.png.tmp-4242-2'), 'png');
    writeFileSync(join(dir, 'runs.csv.tmp-4242-3'), 'not the report\'s');
    const notices: string[] = [];
    await writeReport(dir, true, (m) => notices.push(m));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual(['runs.csv.tmp-4242-3']);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(notices).toEqual(['removed 2 temporary file(s) that a stopped dv2g process left half-written: report.html.tmp-4242-1, charts/latency.png.tmp-4242-2']);
  });
});
