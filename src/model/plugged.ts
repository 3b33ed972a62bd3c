// Which EVs are plugged in at each grid agent: one index array per agent with O(1) insertion and
// removal (swap with the last entry), so a market interval visits only the EVs present.

export class PluggedLists {
  /** lists[g][0..counts[g]) are the EVs plugged in at agent g. */
  readonly lists: Int32Array[];
  readonly counts: Int32Array;
  /** Where each plugged-in EV is in its agent's list (meaningful only while it is plugged in; never written for other EVs, whose pages then take no memory). */
  private readonly position: Int32Array;

  constructor(evs: number, evsPerAgent: Int32Array) {
    this.lists = Array.from(evsPerAgent, (n) => new Int32Array(n));
    this.counts = new Int32Array(evsPerAgent.length);
    this.position = new Int32Array(evs);
  }

  add(agent: number, ev: number): void {
    const k = this.counts[agent]++;
    this.lists[agent][k] = ev;
    this.position[ev] = k;
  }

  remove(agent: number, ev: number): void {
    const list = this.lists[agent];
    const k = this.position[ev];
    const last = list[--this.counts[agent]];
    list[k] = last;
    this.position[last] = k;
  }
}
