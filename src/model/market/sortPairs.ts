// In-place sort of numeric keys carrying integer ids (quicksort with Hoare partitioning and an
// insertion sort for short ranges): typed arrays only, no comparator callback.

const SHORT = 16;

/** Sorts keys[0..n) ascending and applies the same permutation to ids[0..n). */
export function sortPairs(keys: Float64Array, ids: Int32Array, n: number): void {
  let lo = 0;
  let hi = n - 1;
  const stack: number[] = [];
  for (;;) {
    while (hi - lo >= SHORT) {
      const split = partition(keys, ids, lo, hi);
      if (split - lo < hi - split) {
        stack.push(split + 1, hi);
        hi = split;
      } else {
        stack.push(lo, split);
        lo = split + 1;
      }
    }
    insertionSort(keys, ids, lo, hi);
    if (stack.length === 0) return;
    hi = stack.pop() as number;
    lo = stack.pop() as number;
  }
}

function partition(keys: Float64Array, ids: Int32Array, lo: number, hi: number): number {
  const mid = (lo + hi) >>> 1;
  if (keys[mid] < keys[lo]) swap(keys, ids, mid, lo);
  if (keys[hi] < keys[lo]) swap(keys, ids, hi, lo);
  if (keys[hi] < keys[mid]) swap(keys, ids, hi, mid);
  const pivot = keys[mid];
  let i = lo - 1;
  let j = hi + 1;
  for (;;) {
    do i++; while (keys[i] < pivot);
    do j--; while (keys[j] > pivot);
    if (i >= j) return j;
    swap(keys, ids, i, j);
  }
}

function insertionSort(keys: Float64Array, ids: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const key = keys[i];
    const id = ids[i];
    let j = i - 1;
    while (j >= lo && keys[j] > key) {
      keys[j + 1] = keys[j];
      ids[j + 1] = ids[j];
      j--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
  }
}

function swap(keys: Float64Array, ids: Int32Array, i: number, j: number): void {
  const k = keys[i];
  keys[i] = keys[j];
  keys[j] = k;
  const d = ids[i];
  ids[i] = ids[j];
  ids[j] = d;
}
