// Every block ever found, main chain or not, in flat typed arrays indexed by block id (0 = genesis),
// with the ids of the transactions each block carries in one shared list.

import { ensureFloat64, ensureInt32 } from './grow.js';

export class BlockStore {
  count = 0;
  parent = new Int32Array(256);
  height = new Int32Array(256);
  /** Node that produced the block (-1 for genesis). */
  producer = new Int32Array(256);
  foundAt = new Float64Array(256);
  /** Stored size: header plus full transactions. */
  bytes = new Float64Array(256);
  /** Size on the wire, per link it crosses. */
  wireBytes = new Float64Array(256);
  fees = new Float64Array(256);
  /** The block's transactions are txIds[txStart .. txStart + txCount). */
  txStart = new Int32Array(256);
  txCount = new Int32Array(256);
  txIds = new Int32Array(4096);
  txIdCount = 0;

  /** Opens block `id` = count on `parent`; append its transactions, then close it with `seal`. */
  open(parent: number, producer: number, foundAt: number): number {
    const id = this.count++;
    if (id === this.parent.length) this.grow(id + 1);
    this.parent[id] = parent;
    this.height[id] = parent < 0 ? 0 : this.height[parent] + 1;
    this.producer[id] = producer;
    this.foundAt[id] = foundAt;
    this.txStart[id] = this.txIdCount;
    this.txCount[id] = 0;
    this.fees[id] = 0;
    return id;
  }

  append(block: number, tx: number, fee: number): void {
    if (this.txIdCount === this.txIds.length) this.txIds = ensureInt32(this.txIds, this.txIdCount + 1);
    this.txIds[this.txIdCount++] = tx;
    this.txCount[block]++;
    this.fees[block] += fee;
  }

  seal(block: number, bytes: number, wireBytes: number): void {
    this.bytes[block] = bytes;
    this.wireBytes[block] = wireBytes;
  }

  private grow(n: number): void {
    this.parent = ensureInt32(this.parent, n);
    this.height = ensureInt32(this.height, n);
    this.producer = ensureInt32(this.producer, n);
    this.foundAt = ensureFloat64(this.foundAt, n);
    this.bytes = ensureFloat64(this.bytes, n);
    this.wireBytes = ensureFloat64(this.wireBytes, n);
    this.fees = ensureFloat64(this.fees, n);
    this.txStart = ensureInt32(this.txStart, n);
    this.txCount = ensureInt32(this.txCount, n);
  }
}
