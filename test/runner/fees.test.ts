// Fees change the market: on a fee-charging ledger EVs sell less and pay fees; runs.csv reports
// fees_total and welfare_net_of_fees, and a feeless ledger pays none.

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/runner/runScenario.js';
import { tempDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('fees in runs.csv', { timeout: 120_000 }, () => {
  it('reports the fees EVs paid and the welfare after them, per ledger', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const yaml = 'name: fees\nduration: 12h\nfleet: {size: 100}\ngrid: {agents: 2}\nnetwork: {nodes: 10, degree: 3}\noutputs: {report: false}\n'
      + 'ledgers: [{kind: pow, label: feeless, blockInterval: 2m, miners: 4, feeRate: 0}, {kind: pow, label: paid, blockInterval: 2m, miners: 4, feeRate: 0.001}]\n';
    await runScenario(parseScenario(yaml, 'fees.yaml'), { outDir: dir, workers: 1 });
    const [header, ...rows] = readFileSync(join(dir, 'runs.csv'), 'utf8').split('\r\n').filter(Boolean).map((r) => r.split(','));
    const run = (ledger: string) => {
      const row = rows.find((r) => r[header.indexOf('ledger')] === ledger)!;
      return (column: string) => Number(row[header.indexOf(column)]);
    };
    const feeless = run('feeless'), paid = run('paid');
    expect(feeless('fees_total')).toBe(0);
    expect(feeless('welfare_net_of_fees')).toBe(feeless('social_welfare'));
    expect(paid('fees_total')).toBeGreaterThan(0);
    expect(paid('fees_total')).toBeCloseTo(paid('fee_per_tx') * paid('tx_submitted'), 6);
    expect(paid('welfare_net_of_fees')).toBeCloseTo(paid('social_welfare') - paid('fees_total'), 6);
    expect(paid('energy_traded_kwh')).toBeLessThan(feeless('energy_traded_kwh'));
  });
});
