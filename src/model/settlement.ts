// Settlement of the market on the ledger under test: each EV accumulates its trades and posts one
// transaction (value = the money owed to it) per settlement round; where the ledger charges a fee,
// it waits until the fee is at most maxFeeShare of the value, and flushes at departure regardless.

import type { Simulation } from '../engine/simulation.js';
import type { Ledger } from '../ledger/ledger.js';
import type { TxLog } from '../metrics/txLog.js';
import type { SettlementConfig } from './schema.js';

export interface SettlementContext {
  sim: Simulation;
  txLog: TxLog;
  ledger: Ledger;
  warmup: number;
}

export class Settlement {
  /** Trades made (EV-intervals with energy sold), settled trades, and transactions posted. */
  trades = 0;
  settledTrades = 0;
  transactions = 0;
  /** Money traded and money settled (sum of transaction values). */
  tradedValue = 0;
  settledValue = 0;
  /** Departure flushes whose fee exceeded maxFeeShare of their value. */
  flushesOverShare = 0;
  /** Sum and count of (submission - trade time) over settled trades made after warm-up. */
  delaySum = 0;
  delayCount = 0;
  /** The latest transaction's share of delaySum and delayCount (a split run sums them in its own order). */
  lastDelaySum = 0;
  lastDelayCount = 0;

  /** Fees each EV paid for its settlement transactions. */
  readonly feesPaid: Float64Array;
  private readonly pendingValue: Float64Array;
  private readonly pendingTrades: Int32Array;
  private readonly pendingTimeSum: Float64Array;
  private readonly pendingAfterWarmup: Int32Array;

  constructor(evs: number, private readonly config: SettlementConfig, private readonly txSize: number, private readonly ctx: SettlementContext) {
    this.feesPaid = new Float64Array(evs);
    this.pendingValue = new Float64Array(evs);
    this.pendingTrades = new Int32Array(evs);
    this.pendingTimeSum = new Float64Array(evs);
    this.pendingAfterWarmup = new Int32Array(evs);
  }

  /** Records that EV `ev` earned `value` at time `t` (to be settled later). */
  trade(ev: number, value: number, t: number): void {
    this.trades++;
    this.tradedValue += value;
    this.pendingValue[ev] += value;
    this.pendingTrades[ev]++;
    if (t >= this.ctx.warmup) {
      this.pendingTimeSum[ev] += t;
      this.pendingAfterWarmup[ev]++;
    }
  }

  /** Whether EV `ev` has trades waiting to be settled. */
  hasPending(ev: number): boolean {
    return this.pendingTrades[ev] > 0;
  }

  /** Settles EV `ev`'s pending trades now if the ledger's fee is an acceptable share of their value. */
  offer(ev: number): void {
    if (this.pendingTrades[ev] === 0) return;
    const fee = this.ctx.ledger.feeFor(this.txSize);
    if (fee > 0 && fee > this.config.maxFeeShare * this.pendingValue[ev]) return;
    this.submit(ev, fee);
  }

  /** Settles EV `ev`'s pending trades now whatever the fee (at departure). */
  flush(ev: number): void {
    if (this.pendingTrades[ev] === 0) return;
    const fee = this.ctx.ledger.feeFor(this.txSize);
    if (fee > this.config.maxFeeShare * this.pendingValue[ev]) this.flushesOverShare++;
    this.submit(ev, fee);
  }

  /** Mean settlement delay (s) over settled trades made after warm-up; null if none. */
  delayMean(): number | null {
    return this.delayCount > 0 ? this.delaySum / this.delayCount : null;
  }

  private submit(ev: number, fee: number): void {
    const { sim, txLog, ledger } = this.ctx;
    const value = this.pendingValue[ev];
    const tx = txLog.add(ev, this.txSize, value, fee, sim.now);
    this.transactions++;
    this.feesPaid[ev] += fee;
    this.settledTrades += this.pendingTrades[ev];
    this.settledValue += value;
    this.lastDelaySum = this.pendingAfterWarmup[ev] * sim.now - this.pendingTimeSum[ev];
    this.lastDelayCount = this.pendingAfterWarmup[ev];
    this.delaySum += this.lastDelaySum;
    this.delayCount += this.lastDelayCount;
    this.pendingValue[ev] = 0;
    this.pendingTrades[ev] = 0;
    this.pendingTimeSum[ev] = 0;
    this.pendingAfterWarmup[ev] = 0;
    ledger.submit(tx);
  }
}
