// Every ledger kind charges its work to declared devices: a dedicated PoW chain's day costs miners x ASIC
// watts x 24 h, the public preset only the V2G share of the block space; attack costs per hour match the
// hand formulas; the issuer's signing and proof of work add to its transactions' latency.

import { describe, expect, it } from 'vitest';
import { createPowLedger } from '../../src/ledger/pow/index.js';
import { powSchema } from '../../src/ledger/pow/schema.js';
import { createLightchainLedger } from '../../src/ledger/lightchain/index.js';
import { lightchainSchema } from '../../src/ledger/lightchain/schema.js';
import { deviceModel } from '../../src/devices/deviceModel.js';
import { devicesSchema } from '../../src/scenario/devicesSchema.js';
import { runLedger } from './chain/runLedger.js';
import { runTangle } from './tangle/harness.js';

const DAY = 86_400;
const devices = devicesSchema.parse({});
const asic = deviceModel(devices.asic);
const agent = deviceModel(devices.agent);

function meanLatency(run: { txLog: { count: number; submittedAt: Float64Array; confirmedAt: Float64Array } }): number {
  let sum = 0, n = 0;
  for (let tx = 0; tx < run.txLog.count; tx++) {
    const latency = run.txLog.confirmedAt[tx] - run.txLog.submittedAt[tx];
    if (latency === latency) (sum += latency, n++);
  }
  return sum / n;
}

describe('pow on declared devices', () => {
  it('mines a dedicated chain with the grid agents, one ASIC each: a day costs agents x 3.25 kW x 24 h', () => {
    const config = powSchema.parse({ kind: 'pow' });
    const { report, ledger } = runLedger((ctx) => createPowLedger(config, ctx), { duration: DAY, rate: 0, agents: 4, network: { nodes: 20, degree: 4 } });
    expect(ledger.chain.blocksFound).toBeGreaterThan(100);
    expect(report.energyKwh).toBeCloseTo(4 * 3.25 * 24, 9);
    // hold half the hash power: 4 more ASICs for an hour, 3.25 kWh at 0.05 each plus 0.08 of hardware
    expect(report.attackCostPerHour!).toBeCloseTo(4 * (3.25 * 0.05 + 0.08), 9);
  });

  it('charges a public-Bitcoin chain only the V2G share of its block space, and attacks at the network scale', () => {
    const config = powSchema.parse({ kind: 'pow', preset: 'bitcoin-public', label: 'pow-bitcoin-public' });
    const duration = 6 * 3600;
    const { report, ledger } = runLedger((ctx) => createPowLedger(config, ctx), { duration, rate: 1, network: { nodes: 20, degree: 4 } });
    const { main } = ledger.chain;
    const v2gBytes = ledger.chain.mainBytes - main.height * 80;
    expect(v2gBytes).toBeGreaterThan(0);
    const networkJoules = 5e20 * duration * asic.joulesPerHash;
    const verifyAndSign = report.energyKwh * 3.6e6 - (networkJoules * v2gBytes) / (main.height * 1e6);
    expect(verifyAndSign).toBeGreaterThan(0);
    expect(verifyAndSign).toBeLessThan(1e-3 * networkJoules * v2gBytes / (main.height * 1e6));
    // 5e20 H/s for an hour on S19-class ASICs: 1.8e24 hashes x (2.9545e-11 J x 0.05 / 3.6e6 + 0.08 / (1.1e14 x 3600))
    expect(report.attackCostPerHour! / 1.1023e6).toBeCloseTo(1, 3);
  });
});

describe('attack cost of the other kinds', () => {
  it('lightchain: matching the producers\' light proofs for an hour on their devices', () => {
    const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: 30 });
    const duration = 3600;
    const { report } = runLedger((ctx) => createLightchainLedger(config, ctx), { duration, rate: 1, network: { nodes: 20, degree: 4 } });
    expect(report.attackCostPerHour!).toBeCloseTo((report.hashes / duration) * 3600 * agent.costPerHash, 12);
    expect(report.attackCostPerHour!).toBeGreaterThan(0);
  });

  it('tangle: out-issuing the honest rate at the zero-credit difficulty on the attacker\'s device', () => {
    const { report, txLog, sim } = runTangle({ tipSelection: 'urts', pow: { creditBased: false, baseDifficulty: 16 } }, { rate: 5, duration: 600 });
    const hashesPerHour = (txLog.count / sim.now) * 2 ** 16 * 3600;
    expect(report.attackCostPerHour!).toBeCloseTo(hashesPerHour * asic.costPerHash, 15);
    expect(report.attackCostPerHour!).toBeGreaterThan(0);
  });
});

describe('issuer compute', () => {
  it('tangle: signature plus proof of work on the EV device, per transaction', () => {
    const { report } = runTangle({ tipSelection: 'urts', pow: { creditBased: false } }, { rate: 10, duration: 300 });
    // 2^14 hashes at 1e6 H/s = 16.4 ms of PoW (geometric; 3000 draws: ~2% standard error) plus 0.25 ms signing
    expect(report.issuerComputeSPerTx! / (2 ** 14 / 1e6 + 2.5e-4)).toBeCloseTo(1, 1);
    expect(report.issuerEnergyJPerTx!).toBeCloseTo(report.issuerComputeSPerTx! * 2, 12);
  });

  it('delays a chain transaction by its issuer\'s signing time, so latency includes it', () => {
    const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: 10 });
    const run = (signTime: number) => runLedger((ctx) => createLightchainLedger(config, ctx), { duration: 7200, rate: 2, network: { nodes: 20, degree: 4 }, devices: { ev: { signTime } } });
    const fast = run(0), slow = run(20);
    expect(slow.report.issuerComputeSPerTx!).toBeGreaterThan(20);
    // Poisson blocks are memoryless: becoming available 20 s later adds 20 s to the mean latency
    expect(meanLatency(slow) - meanLatency(fast)).toBeGreaterThan(18);
    expect(meanLatency(slow) - meanLatency(fast)).toBeLessThan(22);
  });

  it('delays a tangle transaction\'s attachment by its issuer\'s signing time', () => {
    const fast = runTangle({ tipSelection: 'urts', confirmationWeight: 5 }, { rate: 5, duration: 600 });
    const slowDevices = runTangle({ tipSelection: 'urts', confirmationWeight: 5, issuerDevice: 'slow' }, { rate: 5, duration: 600, devices: { slow: { hashRate: 1e6, signTime: 5 } } });
    expect(meanLatency(slowDevices) - meanLatency(fast)).toBeGreaterThan(4);
  });
});
