// Child-process entry of `dv2g bench`: runs one workload and prints its measurement as JSON.

import { WORKLOADS } from './workloads.js';

const [name, size] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
if (!workload) throw new Error(`unknown bench workload "${name}"`);
const measurement = await workload.run(size === 'quick');
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...measurement, peakRssMb })}\n`);
