// Engine benchmark: the kernel's event loop against a bare typed-array binary heap doing the same
// schedule (a hold model: each event schedules one successor at an exponential delay), in one process.

import { performance } from 'node:perf_hooks';
import { Simulation } from '../engine/simulation.js';
import { RngStreams } from '../engine/rng.js';

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
  bareLoop(Math.min(events, 200_000), pending);
  const t0 = performance.now();
  const kernel = kernelLoop(events, pending);
  const t1 = performance.now();
  const bare = bareLoop(events, pending);
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

function bareLoop(events: number, pending: number): number {
  const rng = new RngStreams(1).stream('hold');
  const times = new Float64Array(pending + 1);
  const seqs = new Float64Array(pending + 1);
  let size = 0, seq = 0, checksum = 0;
  const push = (t: number) => {
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < t || (times[p] === t && seqs[p] < s)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
  };
  const pop = (): number => {
    const top = times[0];
    const t = times[--size], s = seqs[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))) c++;
      if (t < times[c] || (t === times[c] && s < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    return top;
  };
  for (let i = 0; i < pending; i++) push(-Math.log(1 - rng()));
  for (let n = 0; n < events; n++) {
    const now = pop();
    checksum += now;
    if (n + 1 < events) push(now - Math.log(1 - rng()));
  }
  return checksum;
}
