// The parasite-chain double spend: the attacker pays publicly (P), and meanwhile builds a hidden chain
// rooted beside P whose first node spends the same funds (P'). Once P is confirmed (and at least `hold`
// has passed) it releases the chain; `observe` later the attack succeeded if P' is heavier than P (its
// cumulative weight, counted exactly): the network would keep the double spend and orphan P.
// Then the next attack starts.

import type { Simulation, EventId } from '../../engine/simulation.js';
import type { Rng } from '../../engine/rng.js';
import type { TangleDag } from './dag.js';
import { DOUBLE_SPEND_SIDE, type ConflictSides } from './conflicts.js';
import type { ParasiteConfig } from './schema.js';

/** Seconds between checks whether the attacker's payment has confirmed. */
const CONFIRMATION_POLL = 1;

/** What the attack needs from the tangle ledger. */
export interface AttackerHost {
  readonly dag: TangleDag;
  readonly sides: ConflictSides;
  /** Issues the attacker's public payment through ordinary tip selection and proof of work; returns its node. */
  issuePayment(): number;
  /** Adds a hidden attacker node approving `first` and `second` (-1 for none) with its own side bits. */
  addHidden(first: number, second: number, side: number): number;
  /** Runs the attacker's proof of work for one transaction; returns its seconds. */
  attackerProofOfWork(): number;
  /** Attaches and reveals a hidden node now (the chain is broadcast at once). */
  publish(node: number): void;
  /** A double spend by the attacker has been detected now. */
  recordDoubleSpend(): void;
  /** Honest transactions per second observed so far. */
  honestRate(): number;
}

export class ParasiteAttack {
  attempts = 0;
  successes = 0;
  private payment = -1;
  private doubleSpend = -1;
  private started = 0;
  private last = -1;
  private beforeLast = -1;
  private chainRate = 0;
  private hidden = new Int32Array(256);
  private hiddenCount = 0;
  private growEvent: EventId = -1;
  private readonly beginKind: number;
  private readonly growKind: number;
  private readonly checkKind: number;
  private readonly judgeKind: number;

  constructor(
    private readonly config: ParasiteConfig,
    private readonly host: AttackerHost,
    private readonly sim: Simulation,
    private readonly rng: Rng,
  ) {
    this.beginKind = sim.register(() => this.begin());
    this.growKind = sim.register(() => this.grow());
    this.checkKind = sim.register(() => this.check());
    this.judgeKind = sim.register(() => this.judge());
  }

  /** Schedules the first attack at `time`. */
  start(time: number): void {
    this.sim.at(time, this.beginKind);
  }

  private begin(): void {
    const { dag, sides } = this.host;
    sides.nextConflict();
    this.started = this.sim.now;
    this.payment = this.host.issuePayment();
    this.hiddenCount = 0;
    const doubleSpend = this.host.addHidden(dag.parent(this.payment, 0), dag.approvals > 1 ? dag.parent(this.payment, 1) : -1, DOUBLE_SPEND_SIDE);
    this.doubleSpend = doubleSpend;
    this.push(doubleSpend);
    this.last = doubleSpend;
    this.beforeLast = -1;
    const share = this.config.share;
    this.chainRate = (share / (1 - share)) * this.host.honestRate();
    this.growEvent = this.sim.schedule(this.nextGap(), this.growKind);
    this.sim.schedule(this.config.hold, this.checkKind);
  }

  private grow(): void {
    const node = this.host.addHidden(this.last, this.beforeLast, 0);
    this.push(node);
    this.beforeLast = this.last;
    this.last = node;
    this.growEvent = this.sim.schedule(this.nextGap(), this.growKind);
  }

  /** Time to the next hidden node: the attacker's share of the issuing rate, but no faster than its proof of work. */
  private nextGap(): number {
    const pow = this.host.attackerProofOfWork();
    const gap = this.chainRate > 0 ? -Math.log(1 - this.rng()) / this.chainRate : Infinity;
    return Math.max(pow, gap);
  }

  private check(): void {
    if (this.host.dag.isConfirmed(this.payment)) return this.release();
    if (this.sim.now >= this.started + this.config.hold + this.config.observe) {
      this.sim.cancel(this.growEvent);
      this.attempts++;
      this.sim.schedule(0, this.beginKind);
      return;
    }
    this.sim.schedule(CONFIRMATION_POLL, this.checkKind);
  }

  private release(): void {
    this.sim.cancel(this.growEvent);
    for (let i = 0; i < this.hiddenCount; i++) this.host.publish(this.hidden[i]);
    this.host.recordDoubleSpend();
    this.sim.schedule(this.config.observe, this.judgeKind);
  }

  private judge(): void {
    const { dag } = this.host;
    this.attempts++;
    if (dag.countedWeight(this.doubleSpend) > dag.countedWeight(this.payment)) this.successes++;
    this.sim.schedule(0, this.beginKind);
  }

  private push(node: number): void {
    if (this.hiddenCount === this.hidden.length) {
      const bigger = new Int32Array(this.hidden.length * 2);
      bigger.set(this.hidden);
      this.hidden = bigger;
    }
    this.hidden[this.hiddenCount++] = node;
  }
}
