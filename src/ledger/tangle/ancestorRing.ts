// The ancestors of each recently revealed tangle node among the other recent reveals, as bit sets over a
// ring of reveal orders: a new node's set is the union of its parents' sets and the parents themselves.

/** Least ring size in reveals (a power of two, at least 32). */
const LEAST_SIZE = 64;

/**
 * Slot s of the ring holds the node revealed at order q with q mod size = s, and that node's ancestors among
 * reveal orders [from, q) as bits (bit s' set: the node at slot s' is an ancestor). A set is only read over a
 * range [from, q) of fewer than `size` reveals, where slots name reveals unambiguously; bits outside it are
 * stale and masked off.
 */
export class AncestorRing {
  size = LEAST_SIZE;
  private words = LEAST_SIZE >> 5;
  private bits = new Int32Array(LEAST_SIZE * (LEAST_SIZE >> 5));
  private node = new Int32Array(LEAST_SIZE);

  /** True when reveal orders [from, to] fit in the ring at once. */
  holds(from: number, to: number): boolean {
    return to - from < this.size;
  }

  /** Empties the ring and makes it hold at least `reveals` reveal orders at once. */
  resize(reveals: number): void {
    let size = LEAST_SIZE;
    while (size < reveals) size *= 2;
    this.size = size;
    this.words = size >> 5;
    this.bits = new Int32Array(size * this.words);
    this.node = new Int32Array(size);
  }

  /** Starts the set of `node`, revealed at order `seq`, empty. */
  start(seq: number, node: number): void {
    const slot = seq & (this.size - 1);
    this.node[slot] = node;
    this.bits.fill(0, slot * this.words, (slot + 1) * this.words);
  }

  /** Adds the parent revealed at `parentSeq` and its ancestors from reveal order `from` on to the set at `seq`. */
  addParent(seq: number, parentSeq: number, from: number): void {
    const mask = this.size - 1;
    const to = (seq & mask) * this.words;
    const parentSlot = parentSeq & mask;
    this.bits[to + (parentSlot >> 5)] |= 1 << (parentSlot & 31);
    const source = parentSlot * this.words;
    let slot = from & mask;
    let left = parentSeq - from;
    while (left > 0) {
      const end = Math.min(this.size, slot + left);
      this.orSlots(to, source, slot, end);
      left -= end - slot;
      slot = 0;
    }
  }

  /** Writes the nodes of the set at `seq` revealed at orders [from, seq) into `out` (ring order); returns how many. */
  ancestors(seq: number, from: number, out: Int32Array): number {
    const mask = this.size - 1;
    const base = (seq & mask) * this.words;
    const { bits, node } = this;
    let n = 0;
    let slot = from & mask;
    let left = seq - from;
    while (left > 0) {
      const end = Math.min(this.size, slot + left);
      const last = (end - 1) >> 5;
      for (let w = slot >> 5; w <= last; w++) {
        let word = bits[base + w];
        if (w === slot >> 5) word &= -1 << (slot & 31);
        if (w === last && (end & 31) !== 0) word &= -1 >>> (32 - (end & 31));
        while (word !== 0) {
          const low = word & -word;
          out[n++] = node[(w << 5) + 31 - Math.clz32(low)];
          word ^= low;
        }
      }
      left -= end - slot;
      slot = 0;
    }
    return n;
  }

  /** ORs the source set's slots [start, end) into the target set (both given by their first word). */
  private orSlots(target: number, source: number, start: number, end: number): void {
    const bits = this.bits;
    const first = start >> 5;
    const last = (end - 1) >> 5;
    const head = -1 << (start & 31);
    const tail = (end & 31) === 0 ? -1 : -1 >>> (32 - (end & 31));
    if (first === last) {
      bits[target + first] |= bits[source + first] & head & tail;
      return;
    }
    bits[target + first] |= bits[source + first] & head;
    for (let w = first + 1; w < last; w++) bits[target + w] |= bits[source + w];
    bits[target + last] |= bits[source + last] & tail;
  }
}
