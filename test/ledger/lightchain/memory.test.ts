// A chain's arrays indexed by transaction leave their unused tails as zeros (untouched pages, which take no
// memory) while each submitted transaction starts at -1 (no main-chain block).

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
});
