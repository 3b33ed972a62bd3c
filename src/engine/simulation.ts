// The discrete-event kernel: a clock and an event loop over handlers registered by integer kind.
// Events carry one integer payload (an id into the caller's own typed arrays), so nothing is allocated per event.

import { EventQueue, type EventId } from './eventQueue.js';

export type { EventId };
export type EventHandler = (payload: number) => void;

export class Simulation {
  /** Current simulated time in seconds. */
  now = 0;
  /** Events processed so far. */
  events = 0;
  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private stopped = false;
  private hookEvery = 0;
  private nextHookAt = Infinity;
  private hook: () => void = () => undefined;

  /**
   * `bucketSeconds`: events further ahead than the current bucket of this many seconds wait outside the heap
   * (a speed-up where many events are pending far ahead, such as a fleet's next arrivals); no effect on order.
   */
  constructor(options: { bucketSeconds?: number } = {}) {
    this.queue = new EventQueue(1024, options.bucketSeconds ?? 0);
  }

  /** Registers a handler and returns the event kind that invokes it. */
  register(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Schedules an event of `kind` after `delay` seconds (delay >= 0). */
  schedule(delay: number, kind: number, payload = 0): EventId {
    if (!(delay >= 0)) throw new RangeError(`event delay must be >= 0, got ${delay}`);
    return this.queue.push(this.now + delay, kind, payload);
  }

  /** Schedules an event at absolute time `time` (not in the past). */
  at(time: number, kind: number, payload = 0): EventId {
    if (!(time >= this.now)) throw new RangeError(`event time ${time} is before now (${this.now})`);
    return this.queue.push(time, kind, payload);
  }

  /**
   * Schedules `count` events of `kind` at the times `times[first + i stride]`, which must be in order and not in
   * the past; each gets `first + i stride` as its payload. Fires exactly as `count` calls of at() would, with one
   * heap entry at a time for all of them; they cannot be cancelled, and `times` must stay as it is until they fire.
   */
  atSorted(times: Float64Array, first: number, stride: number, count: number, kind: number): void {
    let previous = this.now;
    for (let i = 0, at = first; i < count; i++, at += stride) {
      if (!(times[at] >= previous)) throw new RangeError(`sorted event time ${times[at]} is before ${previous === this.now ? `now (${this.now})` : `the one before it (${previous})`}`);
      previous = times[at];
    }
    this.queue.pushSorted(times, first, stride, count, kind);
  }

  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** Stops run() after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Calls `hook` after every `every` events (progress reporting from outside the model: the hook reads
   * `now` and `events` and must not schedule anything, so it never changes a run's results).
   */
  everyEvents(every: number, hook: () => void): void {
    this.hookEvery = every;
    this.nextHookAt = this.events + every;
    this.hook = hook;
  }

  /** Time of the next pending event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /** Processes events in (time, sequence) order up to and including `until`, then sets the clock to `until`. */
  run(until = Infinity): void {
    const queue = this.queue;
    const handlers = this.handlers;
    this.stopped = false;
    let hookCountdown = this.nextHookAt - this.events;
    while (!this.stopped && queue.popUntil(until)) {
      this.now = queue.time;
      this.events++;
      handlers[queue.kind](queue.payload);
      if (--hookCountdown === 0) {
        this.nextHookAt = this.events + this.hookEvery;
        hookCountdown = this.hookEvery;
        this.hook();
      }
    }
    if (!this.stopped && until !== Infinity && until > this.now) this.now = until;
  }

  /** Processes the events strictly before `until` (a lock-step window's end), then sets the clock to `until`. */
  runBefore(until: number): void {
    for (let next = this.queue.peekTime(); next < until; next = this.queue.peekTime()) this.run(next);
    if (until > this.now) this.now = until;
  }
}
