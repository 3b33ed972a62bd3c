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

  it('gives the same run whatever its arrays are sized for at the start (grown many times, or never)', () => {
    const grown = runTangle(LEDGER, { ...OPTIONS, seed: 7, capacity: 1 });
    const sized = runTangle(LEDGER, { ...OPTIONS, seed: 7, capacity: 100_000 });
    expect(grown.txLog.issuer.length).toBeLessThan(4096);
    expect(sized.txLog.issuer.length).toBe(100_000);
    expect(sized.ledger.dag.weight.length).toBe(100_001);
    expect(sized.report).toEqual(grown.report);
    expect(Array.from(sized.ledger.dag.parents.subarray(0, 2 * sized.ledger.dag.size))).toEqual(Array.from(grown.ledger.dag.parents.subarray(0, 2 * grown.ledger.dag.size)));
    expect(Array.from(sized.txLog.confirmedAt.subarray(0, sized.txLog.count))).toEqual(Array.from(grown.txLog.confirmedAt.subarray(0, grown.txLog.count)));
  });
});
