// Every block ever found, main chain or not, in flat typed arrays indexed by block id (0 = genesis),
// with the ids of the transactions each block carries in one shared list.

import { ensureLength } from '../../engine/typedArrays.js';

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
    if (this.txIdCount === this.txIds.length) this.txIds = ensureLength(this.txIds, this.txIdCount + 1);
    this.txIds[this.txIdCount++] = tx;
    this.txCount[block]++;
    this.fees[block] += fee;
  }

  seal(block: number, bytes: number, wireBytes: number): void {
    this.bytes[block] = bytes;
    this.wireBytes[block] = wireBytes;
  }

  private grow(n: number): void {
    this.parent = ensureLength(this.parent, n);
    this.height = ensureLength(this.height, n);
    this.producer = ensureLength(this.producer, n);
    this.foundAt = ensureLength(this.foundAt, n);
    this.bytes = ensureLength(this.bytes, n);
    this.wireBytes = ensureLength(this.wireBytes, n);
    this.fees = ensureLength(this.fees, n);
    this.txStart = ensureLength(this.txStart, n);
    this.txCount = ensureLength(this.txCount, n);
  }
}
