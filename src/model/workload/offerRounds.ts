// A settlement round's delayed offers as one sorted run of events: each EV offers at its own fixed phase
// into the round, and one heap entry at a time stands for the round's offers (most of a market run's
// events) instead of one per EV, in exactly the order the EVs' own events would have fired.

import type { Simulation } from '../../engine/simulation.js';

export class OfferRounds {
  /** The EVs with a phase > 0, by (phase, index): the order a round's offers fire in, ties aside. */
  private readonly order: Int32Array;
  /** Whether each EV offers in the round being built, and its place in the order the round was built in. */
  private readonly due: Uint8Array;
  private readonly place: Int32Array;
  private count = 0;
  /**
   * Rounds whose offers may be pending at once, each with its event kind, times and EVs: a round's offers all fire
   * within `spread` of its start, so a slot is free again `slots.length` rounds later.
   */
  private readonly slots: { kind: number; times: Float64Array; evs: Int32Array }[];
  private round = 0;

  /**
   * `phases`: each EV's offset into a round (s); `evs`: the EVs that may offer; rounds start `period` seconds apart
   * and every phase is at most `spread`; `offer` is called with the EV when its offer fires.
   */
  constructor(private readonly sim: Simulation, private readonly phases: Float64Array, evs: Int32Array, spread: number, period: number, offer: (ev: number) => void) {
    this.order = evs.filter((ev) => phases[ev] > 0).sort((a, b) => phases[a] - phases[b] || a - b);
    this.due = new Uint8Array(phases.length);
    this.place = new Int32Array(phases.length);
    this.slots = Array.from({ length: Math.ceil(spread / period) + 1 }, () => {
      const slot = { kind: 0, times: new Float64Array(0), evs: new Int32Array(0) };
      slot.kind = sim.register((payload) => offer(slot.evs[payload]));
      return slot;
    });
  }

  /** EV `ev` (phase > 0) offers in this round, `phase` seconds from now; call in the order the offers were made. */
  add(ev: number): void {
    this.due[ev] = 1;
    this.place[ev] = this.count++;
  }

  /**
   * Schedules the round's offers as one sorted run: by time, and among offers at the same time in the order they
   * were added, which is the order that one event per offer, scheduled as added, would fire in.
   */
  schedule(): void {
    const { sim, phases, due, place, count } = this;
    if (count === 0) return;
    const slot = this.slots[this.round++ % this.slots.length];
    if (slot.times.length < count) {
      slot.times = new Float64Array(count);
      slot.evs = new Int32Array(count);
    }
    const { times, evs } = slot;
    const now = sim.now;
    let n = 0;
    for (let k = 0; k < this.order.length && n < count; k++) {
      const ev = this.order[k];
      if (due[ev] === 0) continue;
      due[ev] = 0;
      evs[n] = ev;
      times[n++] = now + phases[ev];
    }
    // Offers at one instant (equal phases, or phases that round to the same time) keep the order they were added in.
    for (let i = 1; i < count; i++) {
      if (times[i] !== times[i - 1]) continue;
      const ev = evs[i];
      let j = i;
      for (; j > 0 && times[j - 1] === times[i] && place[evs[j - 1]] > place[ev]; j--) evs[j] = evs[j - 1];
      evs[j] = ev;
    }
    this.count = 0;
    sim.atSorted(times, 0, 1, count, slot.kind);
  }
}
