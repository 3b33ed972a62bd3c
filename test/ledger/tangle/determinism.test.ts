// A run is a pure function of its seed: same seed, same tangle and report; another seed, another run.

import { describe, expect, it } from 'vitest';
import { runTangle } from './harness.js';

const LEDGER = { tipSelection: 'mcmc', alpha: 0.05, delay: { dist: 'uniform', min: 0.2, max: 1 }, attack: { lazyShare: 0.1, parasite: { share: 0.3, hold: 10, observe: 10 } } };
const OPTIONS = { rate: 10, duration: 200, warmup: 20 };

describe('tangle determinism', () => {
  it('gives identical results for the same seed and different ones for another', () => {
    const a = runTangle(LEDGER, { ...OPTIONS, seed: 7 });
    const b = runTangle(LEDGER, { ...OPTIONS, seed: 7 });
    const c = runTangle(LEDGER, { ...OPTIONS, seed: 8 });
    expect(b.report).toEqual(a.report);
    expect(b.ledger.dag.size).toBe(a.ledger.dag.size);
    expect(Array.from(b.ledger.dag.parents.subarray(0, 2 * b.ledger.dag.size))).toEqual(Array.from(a.ledger.dag.parents.subarray(0, 2 * a.ledger.dag.size)));
    expect(Array.from(b.txLog.confirmedAt.subarray(0, b.txLog.count))).toEqual(Array.from(a.txLog.confirmedAt.subarray(0, a.txLog.count)));
    expect(c.report).not.toEqual(a.report);
  });
});
