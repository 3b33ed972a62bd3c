// The future event list with far buckets pops exactly what the plain heap pops, in the same order:
// random schedules with ties, cancellations and events scheduled while popping; and a sorted run
// (pushSorted) pops as its events pushed one by one would.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { EventQueue } from '../../src/engine/eventQueue.js';

/**
 * Runs one random schedule against `queue` and returns every (time, kind, payload, pending count) popped; now and
 * then a batch of events in time order (ties included) is pushed, as a sorted run when `sorted`, else one by one.
 */
function drain(queue: EventQueue, seed: string, sorted = false): number[][] {
  const rng = seedrandom(seed);
  const popped: number[][] = [];
  const ids: number[] = [];
  let now = 0;
  let payload = 0;
  // Ties on purpose: times on a coarse grid, some exactly on a bucket boundary (multiples of 10).
  const at = () => now + Math.floor(rng() * 8) * 5 * (rng() < 0.2 ? 40 : 1);
  for (let i = 0; i < 300; i++) ids.push(queue.push(at(), i % 3, payload++));
  for (;;) {
    if (!queue.popUntil(rng() < 0.05 ? now + 7 : Infinity)) {
      if (queue.peekTime() === Infinity) break;
      continue;
    }
    if (queue.time < now) throw new Error('time went back');
    now = queue.time;
    popped.push([queue.time, queue.kind, queue.payload, queue.length]);
    if (payload < 3000 && rng() < 0.03) {
      // Times at odd indices (stride 2 from 1), non-decreasing from now, payloads their indices.
      const count = Math.floor(rng() * 40);
      const times = new Float64Array(2 * count + 1);
      for (let i = 0, t = now; i < count; i++) times[1 + 2 * i] = t += rng() < 0.5 ? 0 : Math.floor(rng() * 4) * 5;
      if (sorted) queue.pushSorted(times, 1, 2, count, 7);
      else for (let i = 0; i < count; i++) queue.push(times[1 + 2 * i], 7, 1 + 2 * i);
      payload += count;
    }
    if (payload < 3000 && rng() < 0.7) ids.push(queue.push(at(), payload % 3, payload++));
    if (payload < 3000 && rng() < 0.3) ids.push(queue.push(now, 1, payload++));
    if (rng() < 0.1) queue.cancel(ids[Math.floor(rng() * ids.length)]);
  }
  return popped;
}

describe('EventQueue with far buckets', () => {
  it.each(['a', 'b', 'c'])('pops in the plain heap\'s order (schedule %s)', (seed) => {
    const plain = drain(new EventQueue(), seed);
    expect(plain.length).toBeGreaterThan(1000);
    for (const width of [10, 3.3, 1000]) expect(drain(new EventQueue(16, width), seed)).toEqual(plain);
  });

  it.each(['a', 'b', 'c'])('pops sorted runs as their events pushed one by one, with and without buckets (schedule %s)', (seed) => {
    const oneByOne = drain(new EventQueue(), seed);
    expect(oneByOne.filter(([, kind]) => kind === 7).length).toBeGreaterThan(100);
    expect(drain(new EventQueue(), seed, true)).toEqual(oneByOne);
    for (const width of [10, 3.3, 1000]) expect(drain(new EventQueue(16, width), seed, true)).toEqual(oneByOne);
  });

  it('refuses a bucket width that is not a finite number >= 0', () => {
    expect(() => new EventQueue(16, -1)).toThrow(/bucket width/);
    expect(() => new EventQueue(16, Number.POSITIVE_INFINITY)).toThrow(/bucket width/);
  });
});
