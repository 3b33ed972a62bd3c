// The run's record of ledger transactions in flat typed arrays: who issued each one, its size,
// value and fee, when it was submitted and when (if ever) it confirmed. Workloads add, ledgers confirm.

import { ensureLength } from '../engine/typedArrays.js';

export class TxLog {
  count = 0;
  issuer: Int32Array;
  sizeBytes: Int32Array;
  value: Float64Array;
  /** Fees by id, kept from the first fee other than +0 on (a ledger without fees keeps none); read with feeOf. */
  private fees = new Float64Array(0);
  submittedAt: Float64Array;
  /** Confirmation time, NaN while unconfirmed. */
  confirmedAt: Float64Array;
  /** Confirmations so far (for time series). */
  confirmations = 0;

  /**
   * `capacity`: transactions held before the arrays first grow (each growth copies them; the pages of the arrays'
   * unused tail are never written, so a capacity above the count costs address space, not memory).
   */
  constructor(capacity = 1024) {
    const n = Math.max(1, Math.ceil(capacity));
    this.issuer = new Int32Array(n);
    this.sizeBytes = new Int32Array(n);
    this.value = new Float64Array(n);
    this.submittedAt = new Float64Array(n);
    this.confirmedAt = new Float64Array(n);
  }

  /** Records a new transaction submitted at `time`; returns its id (0, 1, 2, ...). */
  add(issuer: number, sizeBytes: number, value: number, fee: number, time: number): number {
    if (this.count === this.issuer.length) this.grow();
    const id = this.count++;
    this.issuer[id] = issuer;
    this.sizeBytes[id] = sizeBytes;
    this.value[id] = value;
    if (id < this.fees.length) this.fees[id] = fee;
    else if (fee !== 0 || 1 / fee < 0) {
      this.fees = ensureLength(this.fees, this.issuer.length);
      this.fees[id] = fee;
    }
    this.submittedAt[id] = time;
    // Written here rather than when the log grows, so that its unused tail stays untouched pages (no memory).
    this.confirmedAt[id] = NaN;
    return id;
  }

  feeOf(id: number): number {
    return id < this.fees.length ? this.fees[id] : 0;
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
    if (this.fees.length > 0) this.fees = ensureLength(this.fees, n);
    this.submittedAt = ensureLength(this.submittedAt, n);
    this.confirmedAt = ensureLength(this.confirmedAt, n);
  }
}
