// A split run's stand-in for the ledger inside one partition: it quotes the fee the real ledger quoted
// at the window's start and records each submission for the main thread, which submits it for real.

import type { Ledger, LedgerGauges, LedgerReport } from '../../ledger/ledger.js';

export class RecordingLedger implements Ledger {
  /** The real ledger's fee quote at the current window's start. */
  quote: number;

  constructor(quote: number, private readonly onSubmit: (tx: number) => void) {
    this.quote = quote;
  }

  feeFor(): number {
    return this.quote;
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
