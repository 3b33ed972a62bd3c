// The kernel's ordering, cancellation and clock rules, and the independence of named RNG streams.

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';
import { EventQueue } from '../../src/engine/eventQueue.js';
import { RngStreams } from '../../src/engine/rng.js';

describe('event queue', () => {
  it('orders by time, then by insertion sequence', () => {
    const q = new EventQueue(2);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 500; i++) {
      const t = (i * 7919) % 13;
      q.push(t, 0, i);
      pushed.push([t, i]);
    }
    const popped: number[] = [];
    while (q.pop()) popped.push(q.payload);
    const expected = pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    expect(popped).toEqual(expected);
  });

  it('cancels pending events and ignores stale handles', () => {
    const q = new EventQueue(2);
    const a = q.push(1, 0, 1);
    q.push(2, 0, 2);
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false);
    expect(q.pop() && q.payload).toBe(2);
    const c = q.push(3, 0, 3);
    expect(q.pop() && q.payload).toBe(3);
    q.push(4, 0, 4);
    expect(q.cancel(c)).toBe(false);
    expect(q.pop() && q.payload).toBe(4);
  });
});

describe('simulation', () => {
  it('runs handlers in order, advances the clock and stops at `until`', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const tick = sim.register((p) => {
      seen.push(`${sim.now}:${p}`);
      if (p < 3) sim.schedule(1, tick, p + 1);
    });
    sim.schedule(0.5, tick, 0);
    sim.run(2);
    expect(seen).toEqual(['0.5:0', '1.5:1']);
    expect(sim.now).toBe(2);
    sim.run();
    expect(seen).toEqual(['0.5:0', '1.5:1', '2.5:2', '3.5:3']);
    expect(sim.events).toBe(4);
  });

  it('rejects events in the past', () => {
    const sim = new Simulation();
    const k = sim.register(() => {});
    sim.run(5);
    expect(() => sim.at(4, k)).toThrow(RangeError);
    expect(() => sim.schedule(-1, k)).toThrow(RangeError);
    expect(() => sim.atSorted(new Float64Array([4, 6]), 0, 1, 2, k)).toThrow(/sorted event time 4 is before now \(5\)/);
    expect(() => sim.atSorted(new Float64Array([6, 5.5]), 0, 1, 2, k)).toThrow(/sorted event time 5.5 is before the one before it \(6\)/);
  });
});

describe('rng streams', () => {
  it('gives each name its own reproducible stream, unaffected by draws from others', () => {
    const a = new RngStreams(42), b = new RngStreams(42);
    for (let i = 0; i < 1000; i++) a.stream('noise')();
    const first = Array.from({ length: 5 }, () => a.stream('arrivals')());
    const second = Array.from({ length: 5 }, () => b.stream('arrivals')());
    expect(first).toEqual(second);
    expect(new RngStreams(43).stream('arrivals')()).not.toBe(new RngStreams(42).stream('arrivals')());
  });
});

describe('progress hook', () => {
  it('is called after every N events with the clock and count, and leaves the run unchanged', () => {
    const trace = (hooked: boolean) => {
      const sim = new Simulation();
      const seen: [number, number][] = [];
      const times: number[] = [];
      const tick = sim.register((n) => {
        times.push(sim.now);
        if (n < 99) sim.schedule(0.5, tick, n + 1);
      });
      sim.at(0, tick, 0);
      if (hooked) sim.everyEvents(10, () => seen.push([sim.now, sim.events]));
      sim.run(100);
      return { seen, times, events: sim.events };
    };
    const plain = trace(false);
    const hooked = trace(true);
    expect(hooked.times).toEqual(plain.times);
    expect(hooked.events).toBe(100);
    expect(hooked.seen).toEqual(Array.from({ length: 10 }, (_, i) => [i * 5 + 4.5, (i + 1) * 10]));
  });
});
