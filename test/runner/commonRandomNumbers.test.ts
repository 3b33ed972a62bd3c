// Common random numbers: every sweep point of a replication sees the same world (sessions, deficits,
// prices), so a ledger sweep leaves market.csv identical and a market sweep keeps its world; off, it differs.

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { tempDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** market.csv rows per sweep point (run id and ledger dropped), as lists of column maps. */
async function marketByPoint(yaml: string): Promise<Map<string, Record<string, string>[]>> {
  const dir = tempDir();
  dirs.push(dir);
  await runScenario(parseScenario(yaml, 'crn.yaml'), { outDir: dir, workers: 1 });
  const [header, ...rows] = readFileSync(join(dir, 'market.csv'), 'utf8').split('\r\n').filter(Boolean).map((r) => r.split(','));
  const byPoint = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const record = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    const point = record.run_id.split('-')[0];
    delete record.run_id;
    delete record.ledger;
    byPoint.set(point, [...(byPoint.get(point) ?? []), record]);
  }
  return byPoint;
}

const BASE = 'name: crn\nduration: 4h\nfleet: {size: 80}\ngrid: {agents: 2}\nnetwork: {nodes: 10, degree: 3}\noutputs: {report: false}\n';
const ALPHA_SWEEP = `${BASE}ledgers: [{kind: tangle, tipSelection: mcmc}]\nsweep: {params: {"ledgers[0].alpha": [0, 0.5]}}\n`;

describe('common random numbers', { timeout: 120_000 }, () => {
  it('leaves market.csv identical when a ledger parameter is swept', async () => {
    const points = await marketByPoint(ALPHA_SWEEP);
    expect(points.get('p1')).toEqual(points.get('p0'));
    expect(points.get('p0')!.some((r) => Number(r.energy_kwh) > 0)).toBe(true);
  });

  it('keeps the world (deficits, plugged-in EVs, the optimum) when the market kind is swept', async () => {
    const points = await marketByPoint(`${BASE}sweep: {params: {"market.kind": [stackelberg, optimal]}}\n`);
    const world = (p: string) => points.get(p)!.map((r) => [r.demand_kwh, r.evs, r.optimal_welfare, r.optimal_price].join());
    expect(world('p1')).toEqual(world('p0'));
    expect(points.get('p1')!.map((r) => r.price)).not.toEqual(points.get('p0')!.map((r) => r.price));
  });

  it('draws a world per sweep point with commonRandomNumbers: false', async () => {
    const points = await marketByPoint(`commonRandomNumbers: false\n${ALPHA_SWEEP}`);
    expect(points.get('p1')!.map((r) => r.evs)).not.toEqual(points.get('p0')!.map((r) => r.evs));
  });
});
