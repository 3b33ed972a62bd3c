// evs.csv: the market workload writes one row per EV and run with SPEC.md's columns; its net benefit is revenue less
// wear, fees and a non-negative make-up cost; owners_losing_share in runs.csv is its share of losing owners; a
// poisson scenario writes none; the report's summary shows the share.

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { readResults } from '../../src/report/resultsData.js';
import { summaryTable } from '../../src/report/summaryTable.js';
import { tempDir } from '../runner/helpers.js';

const SCENARIO = `
name: evs
duration: 12h
replications: 2
fleet: {size: 60}
network: {nodes: 20}
ledgers: [{kind: tangle}, {kind: pow, blockInterval: 5m, feeRate: 0.0001}]
charging: {policy: valley-filling, iterations: 10}
outputs: {report: false}
`;

type Row = Record<string, string>;
const dirs = [tempDir(), tempDir()];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('evs.csv', { timeout: 60_000 }, () => {
  it('has one row per EV and run, SPEC.md columns, and net benefits that add up', async () => {
    await runScenario(parseScenario(SCENARIO, 'evs.yaml'), { outDir: dirs[0], workers: 1 });
    const text = readFileSync(join(dirs[0], 'evs.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('run_id,ledger,ev_id,agent,arrival_s,departure_s,energy_sold_kwh,energy_charged_kwh,revenue,charging_cost,degradation_cost,fees,net_benefit');
    const evs = parse(text, { columns: true }) as Row[];
    const runs = parse(readFileSync(join(dirs[0], 'runs.csv'), 'utf8'), { columns: true }) as Row[];
    expect(evs).toHaveLength(60 * runs.length);
    for (const r of evs) {
      const upper = Number(r.revenue) - Number(r.degradation_cost) - Number(r.fees);
      expect(Number(r.net_benefit)).toBeLessThanOrEqual(upper + 1e-9);
      if (Number(r.energy_sold_kwh) === 0) expect(Number(r.net_benefit)).toBeCloseTo(-Number(r.fees), 12);
      if (r.ledger === 'tangle') expect(Number(r.fees)).toBe(0);
    }
    expect(evs.some((r) => r.ledger === 'pow' && Number(r.fees) > 0)).toBe(true);
    for (const run of runs) {
      const mine = evs.filter((r) => r.run_id === run.run_id && r.arrival_s !== '');
      expect(Number(run.owners_losing_share)).toBeCloseTo(mine.filter((r) => Number(r.net_benefit) < 0).length / mine.length, 12);
      expect(Number(run.charging_iterations)).toBeGreaterThan(1);
      expect(Number(run.charging_energy_kwh)).toBeCloseTo(mine.reduce((s, r) => s + Number(r.energy_charged_kwh), 0), 6);
    }
    const table = summaryTable(readResults(dirs[0]));
    expect(table.headers.some((h) => h.startsWith('owners losing money'))).toBe(true);
  });

  it('is byte-identical with 2 workers, and absent for a poisson workload', async () => {
    await runScenario(parseScenario(SCENARIO, 'evs.yaml'), { outDir: dirs[1], workers: 2 });
    expect(readFileSync(join(dirs[1], 'evs.csv'), 'utf8')).toBe(readFileSync(join(dirs[0], 'evs.csv'), 'utf8'));
    expect(readFileSync(join(dirs[1], 'timeseries.csv'), 'utf8')).toBe(readFileSync(join(dirs[0], 'timeseries.csv'), 'utf8'));
    const poisson = tempDir();
    try {
      await runScenario(parseScenario('name: p\nduration: 5m\nworkload: {kind: poisson, rate: 2}\noutputs: {report: false, database: false}\n', 'p.yaml'), { outDir: poisson, workers: 1 });
      expect(existsSync(join(poisson, 'evs.csv'))).toBe(false);
    } finally {
      rmSync(poisson, { recursive: true, force: true });
    }
  });
});
