// report.html in headless Debian Chromium (playwright-core): every chart renders an SVG, the
// console stays free of errors and the page makes no network request. Runs always under CI;
// elsewhere it is skipped when /usr/bin/chromium is missing.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { fixtureCopy } from './helpers.js';

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
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
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
});
