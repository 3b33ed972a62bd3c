// Unrelated Block Offloading Filter: each transaction's output is spent by its issuer's next transaction;
// a node drops a block's body (keeping its header) once every output in it was spent at least `offloadAge`
// ago, and the body of a stale block once the block is that old.

import { ensureLength } from '../../engine/typedArrays.js';
import type { ChainInspection } from '../chain/chain.js';

export interface NodeStorage {
  headerBytes: number;
  /** Bodies still kept. */
  bodyBytes: number;
  /** Blocks whose body was dropped. */
  offloadedBlocks: number;
}

export class OutputSpends {
  /** When each transaction's output was spent (Infinity: not yet); sized for the run's transactions, grown past them if need be. */
  private spentAt: Float64Array;
  /** Transactions recorded: Infinity is written per transaction, so the array's unused tail stays untouched pages. */
  private recorded = 0;
  /** The latest transaction of each issuer (-1: none yet). */
  private latestOf = new Int32Array(64).fill(-1);

  constructor(capacity = 1024) {
    this.spentAt = new Float64Array(capacity);
  }

  /** Transaction `tx` of `issuer`, submitted at `now`, spends the issuer's previous output. */
  record(tx: number, issuer: number, now: number): void {
    this.spentAt = ensureLength(this.spentAt, tx + 1);
    for (; this.recorded <= tx; this.recorded++) this.spentAt[this.recorded] = Infinity;
    this.latestOf = ensureLength(this.latestOf, issuer + 1, -1);
    const previous = this.latestOf[issuer];
    if (previous >= 0) this.spentAt[previous] = now;
    this.latestOf[issuer] = tx;
  }

  /** What a node holds at `now`: every header, and the bodies the filter has not dropped. */
  nodeStorage(chain: ChainInspection, headerBytes: number, offloadAge: number, now: number): NodeStorage {
    const { store, mainChain } = chain;
    const onMain = new Uint8Array(store.count);
    for (const b of mainChain) onMain[b] = 1;
    const cutoff = now - offloadAge;
    let bodyBytes = 0, offloadedBlocks = 0;
    for (let b = 1; b < store.count; b++) {
      let lastSpend = store.foundAt[b];
      if (onMain[b]) {
        for (let i = store.txStart[b], end = i + store.txCount[b]; i < end; i++) {
          const id = store.txIds[i];
          const spent = id < this.recorded ? this.spentAt[id] : Infinity;
          if (spent > lastSpend) lastSpend = spent;
        }
      }
      if (lastSpend <= cutoff) offloadedBlocks++;
      else bodyBytes += store.bytes[b] - headerBytes;
    }
    return { headerBytes: (store.count - 1) * headerBytes, bodyBytes, offloadedBlocks };
  }
}
