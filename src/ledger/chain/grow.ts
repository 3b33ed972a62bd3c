// Doubling growth of the flat typed arrays that hold blocks and per-transaction state.

function grownSize(length: number, n: number): number {
  let size = Math.max(length, 16);
  while (size < n) size *= 2;
  return size;
}

/** `a`, or a copy of it at least `n` long (doubling), the new tail filled with `fill`. */
export function ensureInt32(a: Int32Array<ArrayBuffer>, n: number, fill = 0): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Int32Array(grownSize(a.length, n));
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

export function ensureFloat64(a: Float64Array<ArrayBuffer>, n: number, fill = 0): Float64Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Float64Array(grownSize(a.length, n));
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

export function ensureUint8(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Uint8Array(grownSize(a.length, n));
  b.set(a);
  return b;
}
