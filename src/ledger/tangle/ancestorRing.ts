// The ancestors of each recently revealed tangle node among the other recent reveals, as bit sets over a
// ring of reveal orders: a new node's set is the union of its parents' sets and the parents themselves;
// and two marks per slot (the node is still unconfirmed; one of its approvals left the recent reveals unconfirmed).

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
  /** One bit per slot: its node is unconfirmed. */
  private pending = new Int32Array(LEAST_SIZE >> 5);
  /** One bit per slot: one of its node's approvals may have left the zone unconfirmed. */
  private flagged = new Int32Array(LEAST_SIZE >> 5);
  /** What classify() found: unconfirmed ancestors, flagged ancestors, confirmed non-ancestors. */
  pendingAncestors = new Int32Array(64);
  pendingCount = 0;
  flaggedAncestors = new Int32Array(64);
  flaggedCount = 0;
  confirmedOthers = new Int32Array(64);
  confirmedOthersCount = 0;

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
    this.pending = new Int32Array(this.words);
    this.flagged = new Int32Array(this.words);
  }

  /** Starts the set of `node`, revealed at order `seq`, empty, marked unconfirmed or not and not flagged. */
  start(seq: number, node: number, unconfirmed: boolean): void {
    const slot = seq & (this.size - 1);
    this.node[slot] = node;
    this.bits.fill(0, slot * this.words, (slot + 1) * this.words);
    this.setPending(seq, unconfirmed);
    this.setFlagged(seq, false);
  }

  /** Marks the node at `seq` unconfirmed, or not. */
  setPending(seq: number, on: boolean): void {
    const slot = seq & (this.size - 1);
    if (on) this.pending[slot >> 5] |= 1 << (slot & 31);
    else this.pending[slot >> 5] &= ~(1 << (slot & 31));
  }

  /** Marks the node at `seq` as having an approval that may have left the zone unconfirmed, or not. */
  setFlagged(seq: number, on: boolean): void {
    const slot = seq & (this.size - 1);
    if (on) this.flagged[slot >> 5] |= 1 << (slot & 31);
    else this.flagged[slot >> 5] &= ~(1 << (slot & 31));
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

  /**
   * Sorts the nodes revealed at orders [from, seq) against the set at `seq`, into pendingAncestors (its
   * unconfirmed ancestors), flaggedAncestors (its flagged ancestors) and confirmedOthers (the confirmed nodes
   * that are not its ancestors), each in ring order with its count.
   */
  classify(seq: number, from: number): void {
    const n = seq - from;
    if (this.pendingAncestors.length < n) {
      this.pendingAncestors = new Int32Array(2 * n);
      this.flaggedAncestors = new Int32Array(2 * n);
      this.confirmedOthers = new Int32Array(2 * n);
    }
    const mask = this.size - 1;
    const base = (seq & mask) * this.words;
    const { bits, node, pending, flagged, pendingAncestors, flaggedAncestors, confirmedOthers } = this;
    let pendingCount = 0, flaggedCount = 0, othersCount = 0;
    let slot = from & mask;
    let left = n;
    while (left > 0) {
      const end = Math.min(this.size, slot + left);
      const last = (end - 1) >> 5;
      for (let w = slot >> 5; w <= last; w++) {
        let range = -1;
        if (w === slot >> 5) range &= -1 << (slot & 31);
        if (w === last && (end & 31) !== 0) range &= -1 >>> (32 - (end & 31));
        const ancestors = bits[base + w] & range;
        let word = ancestors & pending[w];
        while (word !== 0) {
          const low = word & -word;
          pendingAncestors[pendingCount++] = node[(w << 5) + 31 - Math.clz32(low)];
          word ^= low;
        }
        word = ancestors & flagged[w];
        while (word !== 0) {
          const low = word & -word;
          flaggedAncestors[flaggedCount++] = node[(w << 5) + 31 - Math.clz32(low)];
          word ^= low;
        }
        word = ~ancestors & ~pending[w] & range;
        while (word !== 0) {
          const low = word & -word;
          confirmedOthers[othersCount++] = node[(w << 5) + 31 - Math.clz32(low)];
          word ^= low;
        }
      }
      left -= end - slot;
      slot = 0;
    }
    this.pendingCount = pendingCount;
    this.flaggedCount = flaggedCount;
    this.confirmedOthersCount = othersCount;
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
