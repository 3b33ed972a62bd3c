// Scenario key `devices`: the device classes that do every ledger's work (hashes, signatures, proofs),
// with defaults from published measurements (sources in docs/devices.md).

import * as z from './zod.js';
import { duration } from './units.js';

/** The figures of one device class; every default device gives its own values. */
export interface DeviceDefaults {
  hashRate: number;
  power: number;
  signTime: number;
  verifyTime: number;
  energyPrice: number;
  hourlyCost: number;
}

/** EV onboard unit: an embedded ARM Cortex-A class CPU at about 1 GHz. */
export const EV_DEVICE: DeviceDefaults = { hashRate: 1e6, power: 2, signTime: 2.5e-4, verifyTime: 6.3e-4, energyPrice: 0.25, hourlyCost: 0.001 };
/** Grid-agent server: one x86 server core at about 3 GHz. */
export const AGENT_DEVICE: DeviceDefaults = { hashRate: 1e7, power: 15, signTime: 1.7e-5, verifyTime: 6e-5, energyPrice: 0.15, hourlyCost: 0.05 };
/** Mining ASIC: an Antminer S19 Pro-class SHA-256 miner (110 TH/s at 29.5 J/TH). */
export const ASIC_DEVICE: DeviceDefaults = { hashRate: 1.1e14, power: 3250, signTime: 2.5e-4, verifyTime: 6.3e-4, energyPrice: 0.05, hourlyCost: 0.08 };

export function deviceSchema(d: DeviceDefaults) {
  return z.strictObject({
    hashRate: z.number().positive().default(d.hashRate).meta({ description: `SHA-256 hashes per second of one device (default ${d.hashRate})` }),
    power: z.number().nonnegative().default(d.power).meta({ description: `watts drawn while it computes; joules per hash = power / hashRate (default ${d.power})` }),
    signTime: duration().prefault(d.signTime).meta({ description: `time to sign one transaction (Ed25519), s (default ${d.signTime})` }),
    verifyTime: duration().prefault(d.verifyTime).meta({ description: `time to verify one transaction signature, s (default ${d.verifyTime})` }),
    energyPrice: z.number().nonnegative().default(d.energyPrice).meta({ description: `price of the electricity it uses, currency/kWh (default ${d.energyPrice})` }),
    hourlyCost: z.number().nonnegative().default(d.hourlyCost).meta({ description: `hardware cost per hour of use (purchase price over its service life, or a rental price), currency/h (default ${d.hourlyCost})` }),
  });
}

export const devicesSchema = z.strictObject({
  ev: deviceSchema(EV_DEVICE).prefault({}).meta({ description: 'EV onboard unit (embedded ARM Cortex-A class CPU): issues and signs the EVs\' transactions' }),
  agent: deviceSchema(AGENT_DEVICE).prefault({}).meta({ description: 'grid-agent server (one x86 core): validates, produces LightChain blocks' }),
  asic: deviceSchema(ASIC_DEVICE).prefault({}).meta({ description: 'SHA-256 mining ASIC (Antminer S19 Pro class): mines the PoW chain' }),
}).catchall(deviceSchema(AGENT_DEVICE)).meta({ description: 'device classes by name; a ledger names the device of each role (e.g. minerDevice: asic); further classes default to the agent figures' });

export type DeviceConfig = z.output<ReturnType<typeof deviceSchema>>;
export type DevicesConfig = z.output<typeof devicesSchema>;
