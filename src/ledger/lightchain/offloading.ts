// Unrelated Block Offloading Filter: each transaction's output is spent by its issuer's next transaction;
// a node drops a block's body (keeping its header) once every output in it was spent at least `offloadAge`
// ago, and the body of a stale block once the block is that old.

import type { ChainInspection } from '../chain/chain.js';
import type { TxLog } from '../../metrics/txLog.js';

export interface NodeStorage {
  headerBytes: number;
  /** Bodies still kept. */
  bodyBytes: number;
  /** Blocks whose body was dropped. */
  offloadedBlocks: number;
}

/**
 * What a node holds at `now`: every header, and the bodies the filter has not dropped. A transaction's
 * output is spent when its issuer's next transaction (in `txLog`'s submission order) was submitted, so one
 * pass over the log from its end finds each block's last spend; nothing is kept per transaction while the
 * chain runs (writing each spend where the spent transaction is stored was a cache miss per transaction).
 */
export function nodeStorage(chain: ChainInspection, txLog: TxLog, headerBytes: number, offloadAge: number, now: number): NodeStorage {
  const { store, mainBlockOf } = chain;
  const lastSpend = lastSpendByBlock(store.foundAt.subarray(0, store.count), mainBlockOf, txLog);
  const cutoff = now - offloadAge;
  let bodyBytes = 0, offloadedBlocks = 0;
  for (let b = 1; b < store.count; b++) {
    if (lastSpend[b] <= cutoff) offloadedBlocks++;
    else bodyBytes += store.bytes[b] - headerBytes;
  }
  return { headerBytes: (store.count - 1) * headerBytes, bodyBytes, offloadedBlocks };
}

/**
 * For each block, the latest of its own time and the spends of its transactions if it is on the main chain
 * (`mainBlockOf`: each transaction's main-chain block, -1 if none); an output not spent yet counts as Infinity.
 */
function lastSpendByBlock(foundAt: Float64Array, mainBlockOf: Int32Array, txLog: TxLog): Float64Array {
  const lastSpend = foundAt.slice();
  const { issuer, submittedAt } = txLog;
  const count = Math.min(txLog.count, mainBlockOf.length);
  let issuers = 0;
  for (let tx = 0; tx < count; tx++) if (issuer[tx] >= issuers) issuers = issuer[tx] + 1;
  /** When each issuer's transaction after the one being visited was submitted (the pass runs backwards). */
  const nextSubmitted = new Float64Array(issuers).fill(Infinity);
  for (let tx = count - 1; tx >= 0; tx--) {
    const i = issuer[tx], b = mainBlockOf[tx];
    if (b >= 0 && nextSubmitted[i] > lastSpend[b]) lastSpend[b] = nextSubmitted[i];
    nextSubmitted[i] = submittedAt[tx];
  }
  return lastSpend;
}
