// Growth of the flat typed arrays that hold simulation state (integer ids index them): a larger
// array by doubling, the contents kept and the new tail filled; callers never shrink.

export type FlatArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** The first capacity of at least `n` reached by doubling from `length` (at least 16). */
export function doubledCapacity(length: number, n: number): number {
  let size = Math.max(length, 16);
  while (size < n) size *= 2;
  return size;
}

/** `a` when it holds at least `n` entries; else a copy of it in a doubled array whose new tail holds `fill`. */
export function ensureLength<T extends FlatArray>(a: T, n: number, fill = 0): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(doubledCapacity(a.length, n));
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a as never);
  return b;
}
