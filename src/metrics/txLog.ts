// The run's record of ledger transactions in flat typed arrays: who issued each one, its size,
// value and fee, when it was submitted and when (if ever) it confirmed. Workloads add, ledgers confirm.

import { ensureLength } from '../engine/typedArrays.js';

export class TxLog {
  count = 0;
  issuer = new Int32Array(1024);
  sizeBytes = new Int32Array(1024);
  value = new Float64Array(1024);
  fee = new Float64Array(1024);
  submittedAt = new Float64Array(1024);
  /** Confirmation time, NaN while unconfirmed. */
  confirmedAt = new Float64Array(1024).fill(NaN);
  /** Confirmations so far (for time series). */
  confirmations = 0;

  /** Records a new transaction submitted at `time`; returns its id (0, 1, 2, ...). */
  add(issuer: number, sizeBytes: number, value: number, fee: number, time: number): number {
    if (this.count === this.issuer.length) this.grow();
    const id = this.count++;
    this.issuer[id] = issuer;
    this.sizeBytes[id] = sizeBytes;
    this.value[id] = value;
    this.fee[id] = fee;
    this.submittedAt[id] = time;
    return id;
  }

  /** Marks `id` confirmed at `time`; a second confirmation of the same transaction is ignored. */
  confirm(id: number, time: number): void {
    if (this.confirmedAt[id] === this.confirmedAt[id]) return;
    this.confirmedAt[id] = time;
    this.confirmations++;
  }

  isConfirmed(id: number): boolean {
    return this.confirmedAt[id] === this.confirmedAt[id];
  }

  private grow(): void {
    const n = this.issuer.length * 2;
    this.issuer = ensureLength(this.issuer, n);
    this.sizeBytes = ensureLength(this.sizeBytes, n);
    this.value = ensureLength(this.value, n);
    this.fee = ensureLength(this.fee, n);
    this.submittedAt = ensureLength(this.submittedAt, n);
    this.confirmedAt = ensureLength(this.confirmedAt, n, NaN);
  }
}
