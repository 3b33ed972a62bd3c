// A split run's stand-in for the ledger inside one partition: it quotes the fees the real ledger quoted
// at the window's start and records each submission for the main thread, which submits it for real.

import type { Ledger, LedgerGauges, LedgerReport } from '../../ledger/ledger.js';

/** Fee quotes by transaction size (bytes): every size a partition's workload submits. */
export type FeeQuotes = Record<number, number>;

export class RecordingLedger implements Ledger {
  /** The real ledger's fee quotes at the current window's start, by transaction size (bytes). */
  fees: FeeQuotes;

  constructor(fees: FeeQuotes, private readonly onSubmit: (tx: number) => void) {
    this.fees = fees;
  }

  feeFor(sizeBytes: number): number {
    const fee = this.fees[sizeBytes];
    if (fee === undefined) throw new Error(`a split run's partition has no fee quote for a ${sizeBytes}-byte transaction`);
    return fee;
  }

  submit(tx: number): void {
    this.onSubmit(tx);
  }

  gauges(): LedgerGauges {
    throw new Error('a partition has no ledger of its own: the split run reads the real ledger');
  }

  report(): LedgerReport {
    throw new Error('a partition has no ledger of its own: the split run reads the real ledger');
  }
}
