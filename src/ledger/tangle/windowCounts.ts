// Counts by issuer of the entries in a sliding window, in a small hash table (open addressing, linear
// probing): the window holds a few thousand issuers of a million, so their counts stay in the cache where
// a flat array over every issuer would cost a cache miss per lookup.

const EMPTY = -1;
const LEAST_CAPACITY = 64;
/** Fibonacci hashing: the key times 2^32 / golden ratio, its top bits the slot. */
const GOLDEN = 0x9e3779b1;

export class WindowCounts {
  /** Each slot's key (a non-negative integer; EMPTY when free) and its count (never 0 in a used slot). */
  private keys = new Int32Array(LEAST_CAPACITY).fill(EMPTY);
  private counts = new Int32Array(LEAST_CAPACITY);
  private shift = 32 - Math.log2(LEAST_CAPACITY);
  /** Keys held (slots used). */
  size = 0;

  /** The count of `key` (0 for a key not held). */
  get(key: number): number {
    const { keys } = this;
    const mask = keys.length - 1;
    for (let slot = this.home(key); ; slot = (slot + 1) & mask) {
      const held = keys[slot];
      if (held === key) return this.counts[slot];
      if (held === EMPTY) return 0;
    }
  }

  /** Adds `change` to the count of `key` (a non-negative integer); a count that reaches 0 frees its slot. */
  add(key: number, change: number): void {
    const { keys } = this;
    const mask = keys.length - 1;
    let slot = this.home(key);
    for (; keys[slot] !== key; slot = (slot + 1) & mask) {
      if (keys[slot] !== EMPTY) continue;
      if (change === 0) return;
      keys[slot] = key;
      this.counts[slot] = change;
      if (++this.size * 2 > keys.length) this.grow();
      return;
    }
    this.counts[slot] += change;
    if (this.counts[slot] === 0) this.free(slot);
  }

  private home(key: number): number {
    return Math.imul(key, GOLDEN) >>> this.shift;
  }

  /**
   * Frees `slot` and moves back the keys after it in its probe run that it would otherwise cut off from their
   * home slot (backward-shift deletion: no tombstones, so lookups stay short however many keys come and go).
   */
  private free(slot: number): void {
    const { keys, counts } = this;
    const mask = keys.length - 1;
    let hole = slot;
    for (let next = (hole + 1) & mask; keys[next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.home(keys[next]);
      // The key at `next` may move into the hole unless its home lies cyclically in (hole, next].
      const homeAfterHole = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (homeAfterHole) continue;
      keys[hole] = keys[next];
      counts[hole] = counts[next];
      hole = next;
    }
    keys[hole] = EMPTY;
    counts[hole] = 0;
    this.size--;
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.counts = new Int32Array(keys.length * 2);
    this.shift--;
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== EMPTY) this.add(keys[slot], counts[slot]);
  }
}
