// Device classes: defaults from the cited measurements, joules and currency per hash by hand, and the
// per-transaction charges (signature, verification, Merkle proof) against hand-computed cases.

import { describe, expect, it } from 'vitest';
import { deviceLookup, deviceModel } from '../../src/devices/deviceModel.js';
import { devicesSchema } from '../../src/scenario/devicesSchema.js';
import { attackCostPerHour, merkleProofHashes, TxCompute } from '../../src/ledger/txCompute.js';

describe('device classes', () => {
  it('defaults an ASIC to about 100 TH/s at about 30 J/TH and an EV unit to an embedded CPU', () => {
    const devices = devicesSchema.parse({});
    const asic = deviceModel(devices.asic);
    expect(asic.hashRate).toBe(1.1e14);
    expect(asic.joulesPerHash * 1e12).toBeCloseTo(29.545, 3);
    expect(deviceModel(devices.ev).joulesPerHash).toBeCloseTo(2e-6, 12);
    expect(devices.ev.signTime).toBeGreaterThan(devices.agent.signTime);
  });

  it('prices a hash as its electricity plus its share of the hardware hour', () => {
    const d = deviceModel(devicesSchema.parse({ x: { hashRate: 1000, power: 36, energyPrice: 0.5, hourlyCost: 3.6 } }).x);
    // 36 W / 1000 H/s = 0.036 J/hash = 1e-8 kWh at 0.5 -> 5e-9; 3.6 per hour / 3.6e6 hashes an hour -> 1e-6
    expect(d.joulesPerHash).toBeCloseTo(0.036, 12);
    expect(d.costPerHash).toBeCloseTo(5e-9 + 1e-6, 15);
    expect(attackCostPerHour(3.6e6, d)).toBeCloseTo(3.6 + 0.018, 9);
  });

  it('accepts further named classes with the agent figures as defaults and durations for times', () => {
    const devices = devicesSchema.parse({ phone: { hashRate: 5e5, signTime: '2ms' } });
    expect(devices.phone.signTime).toBeCloseTo(0.002, 12);
    expect(devices.phone.power).toBe(devices.agent.power);
    expect(() => deviceLookup(devices)('nope')).toThrow(/not declared/);
  });
});

describe('per-transaction compute', () => {
  const issuer = deviceModel({ hashRate: 1000, power: 2, signTime: 0.01, verifyTime: 0.5, energyPrice: 0, hourlyCost: 0 });
  const validator = deviceModel({ hashRate: 1e6, power: 10, signTime: 0.001, verifyTime: 0.002, energyPrice: 0, hourlyCost: 0 });

  it('charges the issuer its signature and work, and each validating node one verification', () => {
    const compute = new TxCompute(issuer, validator, 5);
    expect(compute.issue(0.2)).toBeCloseTo(0.21, 12);
    expect(compute.issue()).toBeCloseTo(0.01, 12);
    // issuer: 0.22 s at 2 W = 0.44 J; validators: 2 tx x 5 nodes x 0.002 s x 10 W = 0.2 J
    expect(compute.energyJ()).toBeCloseTo(0.64, 12);
    expect(compute.computeSPerTx()).toBeCloseTo(0.11, 12);
    expect(compute.energyJPerTx()).toBeCloseTo(0.22, 12);
  });

  it('adds a Merkle proof of ceil(log2(txs in the block)) hashes for each transaction in a block', () => {
    expect([1, 2, 3, 1024, 1025].map(merkleProofHashes)).toEqual([0, 1, 2, 10, 11]);
    const compute = new TxCompute(issuer, validator, 0);
    for (let i = 0; i < 8; i++) compute.issue();
    compute.merkleProofs(8);
    // 8 x 3 hashes at 1000 H/s = 0.024 s on top of 8 x 0.01 s of signing
    expect(compute.computeSPerTx()).toBeCloseTo((0.08 + 0.024) / 8, 12);
  });
});
