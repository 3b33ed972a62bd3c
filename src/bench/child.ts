// Child-process entry of `dv2g bench`: times the calibration loop on as many threads as the workload
// uses just before and just after the workload (their mean follows a load that drifts), prints all as JSON.

import { WORKLOADS } from './workloads.js';
import { calibrate } from './calibration.js';
import type { CalibratedMeasurement } from './measure.js';

const [name, size] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
if (!workload) throw new Error(`unknown bench workload "${name}"`);
const before = await calibrate(workload.threads);
const measurement = await workload.run(size === 'quick');
const calibration = (before + (await calibrate(workload.threads))) / 2;
const report: CalibratedMeasurement = {
  ...measurement,
  calibration,
  relative: measurement.speed / calibration,
  threads: workload.threads,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
