// The run's record of ledger transactions in flat typed arrays: who issued each one, its size,
// value and fee, when it was submitted and when (if ever) it confirmed. Workloads add, ledgers confirm.

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
    const widen = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a as never), b);
    this.issuer = widen(this.issuer, new Int32Array(n));
    this.sizeBytes = widen(this.sizeBytes, new Int32Array(n));
    this.value = widen(this.value, new Float64Array(n));
    this.fee = widen(this.fee, new Float64Array(n));
    this.submittedAt = widen(this.submittedAt, new Float64Array(n));
    const confirmed = new Float64Array(n).fill(NaN);
    confirmed.set(this.confirmedAt);
    this.confirmedAt = confirmed;
  }
}
