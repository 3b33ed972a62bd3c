// Euclidean projection onto one EV's charging set {0 <= x_t <= u_t, sum_t x_t = E}: x_t = clamp(y_t - lambda, 0, u_t)
// with lambda found exactly by a safeguarded Newton search on the piecewise-linear sum (the step an EV takes each round).

/** Relative accuracy of the delivered total. */
const TOLERANCE = 1e-12;
const MAX_STEPS = 200;

/**
 * Writes into `out[from..from+n)` the projection of `y[from..from+n)` onto the set with upper bounds `upper[from..]`
 * and total `total` (at most the sum of the bounds); `guess` is a starting lambda (the last round's). Returns lambda.
 */
export function projectCapped(y: Float64Array, upper: Float64Array, from: number, n: number, total: number, out: Float64Array, guess: number): number {
  const end = from + n;
  let lo = Infinity, hi = -Infinity, cap = 0;
  for (let t = from; t < end; t++) {
    if (y[t] - upper[t] < lo) lo = y[t] - upper[t];
    if (y[t] > hi) hi = y[t];
    cap += upper[t];
  }
  if (total >= cap) {
    for (let t = from; t < end; t++) out[t] = upper[t];
    return lo;
  }
  if (total <= 0) {
    for (let t = from; t < end; t++) out[t] = 0;
    return hi;
  }
  const eps = TOLERANCE * total;
  let lambda = guess > lo && guess < hi ? guess : (lo + hi) / 2;
  for (let step = 0; step < MAX_STEPS; step++) {
    let sum = 0, free = 0;
    for (let t = from; t < end; t++) {
      const x = y[t] - lambda;
      if (x >= upper[t]) sum += upper[t];
      else if (x > 0) {
        sum += x;
        free++;
      }
    }
    const excess = sum - total;
    if (Math.abs(excess) <= eps) break;
    if (excess > 0) lo = lambda;
    else hi = lambda;
    const newton = free > 0 ? lambda + excess / free : NaN;
    lambda = newton > lo && newton < hi ? newton : (lo + hi) / 2;
  }
  for (let t = from; t < end; t++) {
    const x = y[t] - lambda;
    out[t] = x <= 0 ? 0 : x >= upper[t] ? upper[t] : x;
  }
  return lambda;
}
