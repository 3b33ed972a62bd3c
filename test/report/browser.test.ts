// report.html in headless Debian Chromium (playwright-core): every chart renders an SVG, the
// console stays free of errors and the page makes no network request; a two-parameter study's
// sweep chart draws each value of its second parameter in its own colour, and the summary table
// fits a laptop (1,400 px) and a phone (400 px). Runs always under CI;
// elsewhere it is skipped when /usr/bin/chromium is missing.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { fixtureCopy } from './helpers.js';
import { tempDir } from '../runner/helpers.js';

/** Network latency x the tangle's alpha (swept for the tangle only) against LightChain, on Poisson traffic. */
const TWO_PARAMETER_STUDY = `
name: two-parameter
seed: 5
duration: 10m
warmup: 1m
replications: 2
workload: {kind: poisson, rate: 3}
network: {nodes: 12, degree: 4}
ledgers:
  - {kind: tangle, tipSelection: mcmc, confirmationWeight: 4}
  - {kind: lightchain, blockInterval: 10s}
sweep:
  params:
    network.latency: [50ms, 1s, 3s]
    ledgers[tangle].alpha: [0, 0.5]
outputs: {database: false}
`;

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

const CHROMIUM = '/usr/bin/chromium';
/** Page waits sized for a loaded 2-core machine (rendering every chart takes seconds there); vitest.config.ts bounds the test. */
const PAGE_WAIT_MS = 120_000;
const available = process.env.CI === 'true' || existsSync(CHROMIUM);
if (!available) console.warn(`report browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!available)('report.html in a browser', () => {
  let dir: string;
  let charts: string[];

  beforeAll(async () => {
    dir = fixtureCopy();
    ({ charts } = await buildReport(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders every chart offline with tooltips, no console error and no network request', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(PAGE_WAIT_MS);
      const consoleErrors: string[] = [];
      const networkRequests: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        networkRequests.push(url);
        return route.abort();
      });
      const url = pathToFileURL(join(dir, 'report.html')).href;
      await page.goto(url);
      await page.waitForFunction((count) => document.querySelectorAll('.chart svg.marks').length === count, charts.length, { timeout: PAGE_WAIT_MS });
      const rendered = await page.$$eval('.chart', (els) => els.map((el) => [el.getAttribute('data-chart'), el.querySelectorAll('svg.marks path, svg.marks line, svg.marks text').length]));
      expect(rendered.map(([name]) => name)).toEqual(charts);
      for (const [name, marks] of rendered) expect(marks, String(name)).toBeGreaterThan(10);
      expect(await page.locator('.chart-error').count()).toBe(0);
      const text = await page.locator('header .description').textContent();
      expect(text).toContain('<script>alert(1)</script>');
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(3);
      await page.hover('#chart-latency .mark-symbol path >> nth=0', { force: true });
      await page.waitForSelector('#tooltip:not([hidden])', { timeout: PAGE_WAIT_MS });
      expect(await page.locator('#tooltip').textContent()).toContain('p95 (s)');
      expect(consoleErrors).toEqual([]);
      expect(networkRequests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("colours each value of a two-parameter study's second parameter apart; the summary table fits 1,400 and 400 px", async () => {
    const study = tempDir();
    await runScenario(parseScenario(TWO_PARAMETER_STUDY, 'two-parameter.yaml'), { outDir: study, workers: 1 });
    const { charts: studyCharts } = await buildReport(study);
    expect(studyCharts).toContain('sweep_network_latency');
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(join(study, 'report.html')).href);
      await page.waitForFunction((count) => document.querySelectorAll('.chart svg.marks').length === count, studyCharts.length, { timeout: PAGE_WAIT_MS });
      const chart = '#chart-sweep_network_latency';
      const legend = await page.$$eval(`${chart} .role-legend-label text`, (els) => els.map((el) => el.textContent));
      expect(legend).toEqual(expect.arrayContaining(['0', '0.5', 'tangle', 'lightchain']));
      const strokes = await page.$$eval(`${chart} .mark-line path`, (els) => els.map((el) => el.getAttribute('stroke')));
      expect(new Set(strokes).size).toBeGreaterThanOrEqual(3);
      const symbols = await page.$$eval(`${chart} .role-legend-symbol path`, (els) => els.map((el) => el.getAttribute('fill') ?? el.getAttribute('stroke')));
      expect(new Set(symbols.slice(0, 2)).size).toBe(2);
      for (const width of [1400, 400]) {
        await page.setViewportSize({ width, height: 900 });
        const fit = await page.$eval('.summary-table', (el) => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().right]);
        expect(fit[0], `summary table at ${width} px`).toBeLessThanOrEqual(fit[1] + 1);
        expect(fit[2], `summary table at ${width} px`).toBeLessThanOrEqual(width);
        expect(await page.$$eval('.summary-table td .ci', (els) => els.length)).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
      rmSync(study, { recursive: true, force: true });
    }
  });
});
