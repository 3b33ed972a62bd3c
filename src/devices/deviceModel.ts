// A declared device class as ledgers see it through their context: its figures plus what one hash
// costs in energy and in money (electricity and hardware time), for energy and attack-cost accounting.

import { devicesSchema, type DeviceConfig, type DevicesConfig } from '../scenario/devicesSchema.js';

/** A declared device class (scenario `devices`), as a ledger charges work to it. */
export interface DeviceModel {
  /** Hashes per second. */
  hashRate: number;
  /** Watts while computing. */
  power: number;
  /** Seconds to sign / verify one transaction. */
  signTime: number;
  verifyTime: number;
  /** power / hashRate. */
  joulesPerHash: number;
  /** Currency per hash: its electricity plus its share of the hardware's hourly cost. */
  costPerHash: number;
}

const JOULES_PER_KWH = 3.6e6;
const SECONDS_PER_HOUR = 3600;

export function deviceModel(d: DeviceConfig): DeviceModel {
  const joulesPerHash = d.power / d.hashRate;
  // The fields written out, in one order: every run's models then share one object shape, so the ledgers'
  // optimized code that reads them serves the next run too (a spread copies the parsed config's shape).
  return {
    hashRate: d.hashRate,
    power: d.power,
    signTime: d.signTime,
    verifyTime: d.verifyTime,
    joulesPerHash,
    costPerHash: (joulesPerHash * d.energyPrice) / JOULES_PER_KWH + d.hourlyCost / (d.hashRate * SECONDS_PER_HOUR),
  };
}

/** Looks up a device class by name; scenario validation guarantees that every name a ledger uses is declared. */
export function deviceLookup(devices: DevicesConfig): (name: string) => DeviceModel {
  const models = new Map(Object.entries(devices).map(([name, d]) => [name, deviceModel(d)]));
  return (name) => {
    const model = models.get(name);
    if (!model) throw new RangeError(`device "${name}" is not declared under devices (declared: ${[...models.keys()].join(', ')})`);
    return model;
  };
}

/** The default device classes (ev, agent, asic), for benchmarks and tests that build a ledger context by hand. */
export function defaultDevices(): (name: string) => DeviceModel {
  return deviceLookup(devicesSchema.parse({}));
}
