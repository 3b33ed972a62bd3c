// Real roots of a polynomial of degree at most 3 inside an interval: split it where the derivative
// vanishes, so the polynomial is monotone on each piece, and bisect the pieces that change sign.

const MAX_BISECTIONS = 200;

/** Writes the roots of c3 x^3 + c2 x^2 + c1 x + c0 in [lo, hi] to `out` (ascending); returns how many. */
export function cubicRootsIn(c3: number, c2: number, c1: number, c0: number, lo: number, hi: number, out: Float64Array): number {
  const f = (x: number) => ((c3 * x + c2) * x + c1) * x + c0;
  const cuts = [lo];
  const qa = 3 * c3;
  const qb = 2 * c2;
  if (qa !== 0) {
    const disc = qb * qb - 4 * qa * c1;
    if (disc > 0) {
      const sq = Math.sqrt(disc);
      const q = -0.5 * (qb + (qb >= 0 ? sq : -sq));
      const x1 = q / qa;
      const x2 = q !== 0 ? c1 / q : x1;
      for (const x of x1 < x2 ? [x1, x2] : [x2, x1]) if (x > lo && x < hi) cuts.push(x);
    }
  } else if (qb !== 0) {
    const x = -c1 / qb;
    if (x > lo && x < hi) cuts.push(x);
  }
  cuts.push(hi);
  let count = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    let s = cuts[k];
    let t = cuts[k + 1];
    let fs = f(s);
    const ft = f(t);
    if (fs === 0) {
      if (count === 0 || out[count - 1] !== s) out[count++] = s;
      continue;
    }
    if (ft === 0 || (fs < 0) === (ft < 0)) continue;
    for (let i = 0; i < MAX_BISECTIONS; i++) {
      const m = 0.5 * (s + t);
      if (m <= s || m >= t) break;
      const fm = f(m);
      if (fm === 0) {
        s = t = m;
        break;
      }
      if ((fm < 0) === (fs < 0)) {
        s = m;
        fs = fm;
      } else t = m;
    }
    out[count++] = 0.5 * (s + t);
  }
  const last = f(hi);
  if (last === 0 && (count === 0 || out[count - 1] !== hi)) out[count++] = hi;
  return count;
}
