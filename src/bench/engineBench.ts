// Engine benchmark: the kernel's event loop against a bare typed-array binary heap doing the same
// schedule (a hold model: each event schedules one successor at an exponential delay), in one process.

import { performance } from 'node:perf_hooks';
import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';
import { bareHeapLoop } from './calibration.js';

export interface EngineBenchResult {
  events: number;
  kernelEventsPerSecond: number;
  bareEventsPerSecond: number;
  /** kernel / bare (aim: 0.7 or more). */
  ratio: number;
  /** Checksum of event times, equal for both loops (they process the same schedule). */
  checksum: number;
}

export function benchEngine(events: number, pending = 10_000): EngineBenchResult {
  // Warm both loops up first so neither pays JIT compilation inside the measurement.
  kernelLoop(Math.min(events, 200_000), pending);
  bareHeapLoop(Math.min(events, 200_000), pending);
  const t0 = performance.now();
  const kernel = kernelLoop(events, pending);
  const t1 = performance.now();
  const bare = bareHeapLoop(events, pending);
  const t2 = performance.now();
  if (Math.abs(kernel - bare) > 1e-6 * Math.abs(bare)) throw new Error(`engine bench: kernel and bare loops disagree (${kernel} vs ${bare})`);
  const kernelEventsPerSecond = events / ((t1 - t0) / 1000);
  const bareEventsPerSecond = events / ((t2 - t1) / 1000);
  return { events, kernelEventsPerSecond, bareEventsPerSecond, ratio: kernelEventsPerSecond / bareEventsPerSecond, checksum: kernel };
}

function kernelLoop(events: number, pending: number): number {
  const sim = new Simulation();
  const rng = new RngStreams(1).stream('hold');
  let processed = 0, checksum = 0;
  const hold = sim.register(() => {
    checksum += sim.now;
    if (++processed === events) sim.stop();
    else sim.schedule(-Math.log(1 - rng()), hold);
  });
  for (let i = 0; i < pending; i++) sim.schedule(-Math.log(1 - rng()), hold);
  sim.run();
  return checksum;
}
