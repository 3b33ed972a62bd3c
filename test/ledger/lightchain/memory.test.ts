// A chain's arrays indexed by transaction leave their unused tails as zeros (untouched pages, which take no
// memory) while each submitted transaction starts at -1 (no main-chain block); sized for the run's transactions
// at the start or grown from a few, they give the same run.

import { describe, expect, it } from 'vitest';
import { createLightchainLedger } from '../../../src/ledger/lightchain/index.js';
import { lightchainSchema } from '../../../src/ledger/lightchain/schema.js';
import { runLedger } from '../chain/runLedger.js';

type Arrays = Record<string, Float64Array | Int32Array | Uint8Array>;

describe('LightChain memory per transaction', () => {
  const { ledger, txLog } = runLedger((ctx) => createLightchainLedger(lightchainSchema.parse({ kind: 'lightchain' }), ctx), { duration: 900, rate: 20 });
  const chain = ledger.chain as unknown as Arrays & { mempool: Arrays; reserved: number };

  it('leaves the chain\'s arrays past the last transaction untouched', () => {
    expect(chain.reserved).toBe(txLog.count);
    expect(chain.mainBlockOf.length).toBeGreaterThan(txLog.count);
    expect(chain.mainBlockOf.subarray(txLog.count).every((v) => v === 0)).toBe(true);
    const inspected = ledger.chain.inspect().mainBlockOf;
    expect(inspected).toHaveLength(txLog.count);
    // The last transactions are not in a main-chain block yet.
    expect(inspected[txLog.count - 1]).toBe(-1);
  });

  it('gives the same run whatever its arrays are sized for at the start (grown many times, or never)', () => {
    const run = (capacity: number) => runLedger((ctx) => createLightchainLedger(lightchainSchema.parse({ kind: 'lightchain' }), ctx), { duration: 900, rate: 20, seed: 3, capacity });
    const grown = run(1);
    const sized = run(100_000);
    const arrays = (r: typeof grown) => r.ledger.chain as unknown as Arrays & { mempool: Arrays };
    expect(arrays(grown).availableAt.length).toBeLessThan(100_000);
    for (const name of ['mainBlockOf', 'availableAt', 'excluded', 'extra']) expect(arrays(sized)[name].length, name).toBe(100_001);
    expect(arrays(sized).mempool.inHeap.length).toBe(100_001);
    expect(sized.report).toEqual(grown.report);
    expect(sized.ledger.nodeStorage()).toEqual(grown.ledger.nodeStorage());
    expect(Array.from(sized.txLog.confirmedAt.subarray(0, sized.txLog.count))).toEqual(Array.from(grown.txLog.confirmedAt.subarray(0, grown.txLog.count)));
    expect(sized.ledger.chain.inspect().mainBlockOf).toEqual(grown.ledger.chain.inspect().mainBlockOf);
  });
});
