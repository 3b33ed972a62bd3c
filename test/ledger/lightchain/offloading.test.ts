// The Unrelated Block Offloading Filter against its definition, computed the slow way: a main-chain block's
// body is dropped once its own time and every spend of its outputs (the issuer's next transaction) are
// `offloadAge` old; a stale block's once the block is; an output never spent keeps its block's body.

import { describe, expect, it } from 'vitest';
import { createLightchainLedger } from '../../../src/ledger/lightchain/index.js';
import { lightchainSchema } from '../../../src/ledger/lightchain/schema.js';
import { nodeStorage } from '../../../src/ledger/lightchain/offloading.js';
import type { TxLog } from '../../../src/metrics/txLog.js';
import type { ChainInspection } from '../../../src/ledger/chain/chain.js';
import { runLedger } from '../chain/runLedger.js';

/** Each block's last spend by the definition: its time, and on the main chain the next transaction of each of its transactions' issuers. */
function lastSpendByDefinition(chain: ChainInspection, txLog: TxLog): number[] {
  const { store, mainChain } = chain;
  const onMain = new Set(mainChain);
  const spentAt = (tx: number): number => {
    for (let next = tx + 1; next < txLog.count; next++) if (txLog.issuer[next] === txLog.issuer[tx]) return txLog.submittedAt[next];
    return Infinity;
  };
  const last = [NaN];
  for (let b = 1; b < store.count; b++) {
    last[b] = store.foundAt[b];
    if (onMain.has(b)) for (let i = store.txStart[b]; i < store.txStart[b] + store.txCount[b]; i++) last[b] = Math.max(last[b], spentAt(store.txIds[i]));
  }
  return last;
}

function storageByDefinition(chain: ChainInspection, lastSpend: number[], headerBytes: number, offloadAge: number, now: number) {
  const { store } = chain;
  let bodyBytes = 0, offloadedBlocks = 0;
  for (let b = 1; b < store.count; b++) {
    if (lastSpend[b] <= now - offloadAge) offloadedBlocks++;
    else bodyBytes += store.bytes[b] - headerBytes;
  }
  return { headerBytes: (store.count - 1) * headerBytes, bodyBytes, offloadedBlocks };
}

describe('LightChain node storage (Unrelated Block Offloading Filter)', () => {
  // Blocks every 5 s over 100 ms links fork often; 8 issuers at 3 tx/s spend their outputs every few seconds.
  const config = lightchainSchema.parse({ kind: 'lightchain', blockInterval: 5, offloadAge: '1m' });
  const { ledger, txLog } = runLedger((ctx) => createLightchainLedger(config, ctx), { duration: 1200, rate: 3, issuers: 8, network: { nodes: 30, degree: 4 }, seed: 5 });
  const chain = ledger.chain.inspect();

  it('has stale blocks, spent and unspent outputs to tell apart', () => {
    expect(ledger.chain.blocksFound).toBeGreaterThan(chain.mainChain.length);
    expect(txLog.count).toBeGreaterThan(3000);
  });

  const lastSpend = lastSpendByDefinition(chain, txLog);

  it('drops each body at the moment the definition says, not a moment before', () => {
    // Checking at every block's drop moment and just before it pins down each block's last spend.
    const offloadAge = 60;
    const moments = [...new Set(lastSpend.slice(1).filter(Number.isFinite))].map((t) => t + offloadAge);
    expect(moments.length).toBeGreaterThan(100);
    for (const now of [0, 5000, ...moments, ...moments.map((t) => t - 1e-9)]) {
      const expected = storageByDefinition(chain, lastSpend, config.headerBytes, offloadAge, now);
      expect(nodeStorage(chain, txLog, config.headerBytes, offloadAge, now), `at ${now}`).toEqual(expected);
    }
    const atEnd = storageByDefinition(chain, lastSpend, config.headerBytes, config.offloadAge, 1200);
    expect(atEnd.offloadedBlocks).toBeGreaterThan(0);
    expect(atEnd.bodyBytes).toBeGreaterThan(0);
    expect(ledger.nodeStorage()).toEqual(atEnd);
  });
});
