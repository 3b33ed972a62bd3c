// A settlement round's delayed offers as one sorted run of events: each EV offers at its own fixed phase
// into the round, and one heap entry at a time stands for the round's offers (most of a market run's
// events) instead of one per EV, in exactly the order the EVs' own events would have fired.

import type { Simulation } from '../../engine/simulation.js';

export class OfferRounds {
  /** The EVs with a phase > 0, by (phase, index): the order a round's offers fire in, ties aside; their phases in that order. */
  private readonly order: Int32Array;
  private readonly phaseInOrder: Float64Array;
  /** Each EV's place in `order`, and its place in the order the round being built was made in. */
  private readonly rank: Int32Array;
  private readonly place: Int32Array;
  /** The round's offers as bits over `order`: one pass over 32 EVs a word picks them in order. */
  private readonly due: Uint32Array;
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
  constructor(private readonly sim: Simulation, phases: Float64Array, evs: Int32Array, spread: number, period: number, offer: (ev: number) => void) {
    this.order = evs.filter((ev) => phases[ev] > 0).sort((a, b) => phases[a] - phases[b] || a - b);
    this.phaseInOrder = Float64Array.from(this.order, (ev) => phases[ev]);
    this.rank = new Int32Array(phases.length);
    this.order.forEach((ev, r) => (this.rank[ev] = r));
    this.place = new Int32Array(phases.length);
    this.due = new Uint32Array(Math.ceil(this.order.length / 32));
    this.slots = Array.from({ length: Math.ceil(spread / period) + 1 }, () => {
      const slot = { kind: 0, times: new Float64Array(0), evs: new Int32Array(0) };
      slot.kind = sim.register((payload) => offer(slot.evs[payload]));
      return slot;
    });
  }

  /** EV `ev` (phase > 0, once a round) offers in this round, its phase from now; call in the order the offers were made. */
  add(ev: number): void {
    const r = this.rank[ev];
    this.due[r >>> 5] |= 1 << (r & 31);
    this.place[ev] = this.count++;
  }

  /**
   * Schedules the round's offers as one sorted run: by time, and among offers at the same time in the order they
   * were added, which is the order that one event per offer, scheduled as added, would fire in.
   */
  schedule(): void {
    const { count } = this;
    if (count === 0) return;
    const slot = this.slots[this.round++ % this.slots.length];
    if (slot.times.length < count) {
      slot.times = new Float64Array(count);
      slot.evs = new Int32Array(count);
    }
    this.pickDue(slot.times, slot.evs);
    this.keepAddedOrder(slot.times, slot.evs);
    this.count = 0;
    this.sim.atSorted(slot.times, 0, 1, count, slot.kind);
  }

  // The two loops are methods of their own: in schedule() itself, V8 compiled them on stack replacement during the
  // first round, before atSorted had ever run, and that code then bailed out at the atSorted call in every later
  // round, leaving the rest of each round to the interpreter (a partition thread of a 100,000-EV day: 93 times).

  /** The round's offers into `times` and `evs`, in `order`'s order (by phase), clearing `due`. */
  private pickDue(times: Float64Array, evs: Int32Array): void {
    const { order, phaseInOrder, due, count } = this;
    const now = this.sim.now;
    let n = 0;
    for (let word = 0; word < due.length && n < count; word++) {
      let bits = due[word];
      if (bits === 0) continue;
      due[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const r = (word << 5) | (31 - Math.clz32(lowest));
        evs[n] = order[r];
        times[n++] = now + phaseInOrder[r];
      }
    }
    if (n !== count) throw new Error(`a settlement round picked ${n} of its ${count} offers: an EV offered twice`);
  }

  /** Offers at one instant (equal phases, or phases that round to the same time) keep the order they were added in. */
  private keepAddedOrder(times: Float64Array, evs: Int32Array): void {
    const { place, count } = this;
    for (let i = 1; i < count; i++) {
      if (times[i] !== times[i - 1]) continue;
      const ev = evs[i];
      let j = i;
      for (; j > 0 && times[j - 1] === times[i] && place[evs[j - 1]] > place[ev]; j--) evs[j] = evs[j - 1];
      evs[j] = ev;
    }
  }
}
