// The market-kinds chart: from a sweep over market.kind on one world, welfare and energy per kind
// beside the day-ahead optimum (never beaten), and each kind's price path against its shadow price.

import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { readResults } from '../../src/report/resultsData.js';
import { marketKindsChart } from '../../src/report/charts/marketKindsChart.js';
import { tempDir } from '../runner/helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function results(sweep: string) {
  const dir = tempDir();
  dirs.push(dir);
  const yaml = `name: kinds\nduration: 8h\nwarmup: 1h\nfleet: {size: 80}\ngrid: {agents: 2}\nnetwork: {nodes: 10, degree: 3}\noutputs: {report: false}\n${sweep}`;
  await runScenario(parseScenario(yaml, 'kinds.yaml'), { outDir: dir, workers: 1 });
  return readResults(dir);
}

describe('market kinds chart', { timeout: 120_000 }, () => {
  it('puts every kind beside the day-ahead optimum, which no kind beats', async () => {
    const chart = marketKindsChart(await results('sweep: {params: {"market.kind": [stackelberg, myopic, optimal]}}\n'));
    expect(chart).not.toBeNull();
    expect(() => compile(chart!.spec as unknown as TopLevelSpec)).not.toThrow();
    const panels = chart!.spec.vconcat as { hconcat?: { data: { values: { kind: string; welfare: number; energy_kwh: number }[] } }[]; data?: { values: { kind: string }[] } }[];
    const bars = panels[0].hconcat![0].data.values;
    expect(bars.map((b) => b.kind)).toEqual(['day-ahead optimum', 'stackelberg', 'myopic']);
    const optimum = bars[0].welfare;
    expect(optimum).toBeGreaterThan(0);
    for (const b of bars.slice(1)) expect(b.welfare).toBeLessThan(optimum);
    expect(new Set(panels[1].data!.values.map((v) => v.kind))).toEqual(new Set(['day-ahead optimum', 'stackelberg', 'myopic']));
  });

  it('is left out without a sweep over market.kind', async () => {
    expect(marketKindsChart(await results('sweep: {params: {"fleet.size": [40, 80]}}\n'))).toBeNull();
  });
});
