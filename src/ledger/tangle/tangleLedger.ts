// The tangle ledger: a submitted transaction selects its approvals, is signed and does its proof of work
// (difficulty from the issuer's credit) on the issuer's device, attaches when that is done and becomes
// visible to other issuers h later.

import { meanOf, sampler, type Sampler } from '../../engine/distributions.js';
import type { Rng } from '../../engine/rng.js';
import { transactionArrayLength, type DeviceModel, type Ledger, type LedgerContext, type LedgerGauges, type LedgerReport } from '../ledger.js';
import { attackCostPerHour, TxCompute } from '../txCompute.js';
import { ConflictSides, PAYMENT_SIDE } from './conflicts.js';
import { IssuerCredit } from './credit.js';
import { TangleDag } from './dag.js';
import { Issuers } from './issuers.js';
import { ParasiteAttack, type AttackerHost } from './parasite.js';
import type { TangleConfig } from './schema.js';
import { mcmcTipSelector, uniformTipSelector, type TipSelector } from './tipSelection.js';
import { ensureLength } from '../../engine/typedArrays.js';
import { buildPeerGraph, linkCount } from '../../network/peerGraph.js';
import { relayBytes } from '../../network/relay.js';

/** Issuer slot of the attacker; workload issuer i has slot i + 1. */
const ATTACKER = 0;
const HONEST = 0;
const LAZY = 1;
const ATTACKER_ROLE = 2;
const JOULES_PER_KWH = 3.6e6;
const SECONDS_PER_HOUR = 3600;
/** Default mcmc walk window in mean delays h, and its least value in seconds (for h = 0). */
const WALK_WINDOW_DELAYS = 10;
const MIN_WALK_WINDOW = 1;
/** Size of attacker transactions before any workload transaction has been seen, bytes. */
const DEFAULT_TX_BYTES = 250;

/** Running sum and count of difficulties (bits) of one kind of issuer, after warm-up. */
class DifficultyMean {
  sum = 0;
  count = 0;
  add(bits: number): void {
    this.sum += bits;
    this.count++;
  }
  mean(): number | null {
    return this.count > 0 ? this.sum / this.count : null;
  }
}

export class TangleLedger implements Ledger, AttackerHost {
  readonly dag: TangleDag;
  readonly sides = new ConflictSides();
  private readonly credit: IssuerCredit;
  private readonly issuers: Issuers;
  private readonly selectTip: TipSelector;
  private readonly drawDelay: Sampler;
  private readonly powRng: Rng;
  private readonly attachKind: number;
  private readonly revealKind: number;
  private readonly parasite: ParasiteAttack | null;
  /** Each node's transaction in the log (-1: the genesis and the attacker's nodes, whose issuer is ATTACKER). */
  private nodeTx: Int32Array;
  private nodeRole: Uint8Array;
  private lastTxBytes = DEFAULT_TX_BYTES;
  private hashes = 0;
  private attackerHashes = 0;
  private readonly compute: TxCompute;
  private readonly attackerDevice: DeviceModel;
  private ledgerBytes = 0;
  private networkBytes = 0;
  /** Links of the peer graph a transaction is gossiped over (each carries its announcement once). */
  private readonly links: number;
  private readonly honestDifficulty = new DifficultyMean();
  private readonly lazyDifficulty = new DifficultyMean();
  private readonly attackerDifficulty = new DifficultyMean();
  private tipArea = 0;
  private tipClock: number;
  /** Mean visibility delay h of the configured distribution, for comparisons with 2 lambda h. */
  private readonly delayMean: number;

  constructor(private readonly config: TangleConfig, private readonly ctx: LedgerContext) {
    const { sim } = ctx;
    const k = config.approvals;
    const delay = config.delay ?? ctx.network.latency;
    const walkWindow = config.walkWindow ?? Math.max(MIN_WALK_WINDOW, WALK_WINDOW_DELAYS * meanOf(delay));
    const mcmc = config.tipSelection === 'mcmc';
    // One node per transaction, and the genesis.
    const capacity = transactionArrayLength(ctx);
    this.nodeTx = new Int32Array(capacity);
    this.nodeRole = new Uint8Array(capacity);
    this.dag = new TangleDag(k, config.confirmationWeight, mcmc ? 2 * walkWindow : 0, mcmc ? 2 * config.walkDepth : 0, (node) => {
      const tx = this.nodeTx[node];
      if (tx >= 0) ctx.txLog.confirm(tx, sim.now);
    }, capacity);
    this.nodeTx[0] = -1;
    this.credit = new IssuerCredit(config.pow);
    const issuerDevice = ctx.device(config.issuerDevice);
    this.compute = new TxCompute(issuerDevice, ctx.device(config.validatorDevice), ctx.network.nodes);
    this.attackerDevice = ctx.device(config.attackerDevice);
    const hashRate = config.pow.hashRate ?? { dist: 'constant' as const, value: issuerDevice.hashRate };
    this.issuers = new Issuers(sampler(hashRate, ctx.stream('devices')), config.attack.lazyShare, ctx.stream('lazy'), hashRate.dist === 'constant' ? hashRate.value : undefined);
    const tipRng = ctx.stream('tips');
    this.selectTip = config.tipSelection === 'mcmc'
      ? mcmcTipSelector(this.dag, this.sides, tipRng, config.alpha, walkWindow, config.walkDepth)
      : uniformTipSelector(this.dag, this.sides, tipRng);
    this.drawDelay = sampler(delay, ctx.stream('delay'));
    this.delayMean = meanOf(delay);
    this.powRng = ctx.stream('pow');
    const { network } = ctx;
    this.links = linkCount(buildPeerGraph(network.nodes, network.topology, network.degree, ctx.stream('peers')));
    this.attachKind = sim.register((node) => this.attachNode(node));
    this.revealKind = sim.register((node) => this.revealNode(node));
    this.tipClock = ctx.warmup;
    const parasite = config.attack.parasite;
    if (parasite.share > 0) {
      this.issuers.define(ATTACKER, parasite.hashRate, false);
      this.parasite = new ParasiteAttack(parasite, this, sim, ctx.stream('parasite'));
      this.parasite.start(Math.max(ctx.warmup, sim.now));
    } else {
      this.parasite = null;
    }
  }

  feeFor(_sizeBytes: number): number {
    return 0;
  }

  submit(tx: number): void {
    const { txLog } = this.ctx;
    const issuer = txLog.issuer[tx] + 1;
    this.lastTxBytes = txLog.sizeBytes[tx];
    const node = this.newNode(tx, this.issuers.isLazy(issuer) ? LAZY : HONEST);
    if (this.nodeRole[node] === LAZY) this.approveOldTransactions(node);
    else this.selectApprovals(node, 0);
    this.ctx.sim.schedule(this.compute.issue(this.proofOfWork(issuer, this.nodeRole[node])), this.attachKind, node);
  }

  gauges(): LedgerGauges {
    return { tips: this.dag.unapproved, mempool: null, ledgerBytes: this.ledgerBytes };
  }

  report(): LedgerReport {
    const { sim, txLog, warmup } = this.ctx;
    this.accumulateTips();
    const observed = sim.now - warmup;
    let orphans = 0, honest = 0, lazyOrphans = 0, lazy = 0;
    for (let node = 1; node < this.dag.size; node++) {
      const tx = this.nodeTx[node];
      if (tx < 0 || txLog.submittedAt[tx] < warmup) continue;
      const orphan = this.dag.isApproved(node) ? 0 : 1;
      orphans += orphan;
      if (this.nodeRole[node] === LAZY) (lazy++, lazyOrphans += orphan);
      else honest++;
    }
    const parasite = this.parasite;
    return {
      hashes: this.hashes,
      energyKwh: (this.compute.energyJ() + this.attackerHashes * this.attackerDevice.joulesPerHash) / JOULES_PER_KWH,
      ledgerBytes: this.ledgerBytes,
      nodeStorageBytes: this.ledgerBytes,
      networkBytes: this.networkBytes,
      tipsMean: observed > 0 ? this.tipArea / observed : null,
      staleRate: null,
      blockIntervalS: null,
      attackCostPerHour: attackCostPerHour(this.honestRate() * Math.pow(2, this.config.pow.baseDifficulty) * SECONDS_PER_HOUR, this.attackerDevice),
      issuerComputeSPerTx: this.compute.computeSPerTx(),
      issuerEnergyJPerTx: this.compute.energyJPerTx(),
      extra: {
        delay_mean_s: this.delayMean,
        orphan_tx: orphans,
        orphan_rate: honest + lazy > 0 ? orphans / (honest + lazy) : null,
        lazy_orphan_rate: lazy > 0 ? lazyOrphans / lazy : null,
        difficulty_mean_bits: this.honestDifficulty.mean(),
        lazy_difficulty_mean_bits: this.lazyDifficulty.mean(),
        attacker_difficulty_mean_bits: this.attackerDifficulty.mean(),
        attack_attempts: parasite ? parasite.attempts : null,
        attack_success_rate: parasite && parasite.attempts > 0 ? parasite.successes / parasite.attempts : null,
      },
    };
  }

  issuePayment(): number {
    const node = this.newNode(-1, ATTACKER_ROLE);
    this.selectApprovals(node, PAYMENT_SIDE);
    this.ctx.sim.schedule(this.attackerProofOfWork(), this.attachKind, node);
    return node;
  }

  addHidden(first: number, second: number, side: number): number {
    const node = this.newNode(-1, ATTACKER_ROLE);
    this.dag.setParent(node, 0, first);
    if (second >= 0 && this.dag.approvals > 1) this.dag.setParent(node, 1, second);
    this.sides.set(node, side | this.sides.side(first) | (second >= 0 ? this.sides.side(second) : 0));
    return node;
  }

  attackerProofOfWork(): number {
    return this.proofOfWork(ATTACKER, ATTACKER_ROLE);
  }

  publish(node: number): void {
    this.accumulateTips();
    this.dag.attach(node);
    this.revealNode(node);
  }

  recordDoubleSpend(): void {
    this.credit.recordMisbehaviour(ATTACKER, this.ctx.sim.now, this.config.pow.doubleSpendPenalty);
  }

  honestRate(): number {
    const now = this.ctx.sim.now;
    return now > 0 ? this.ctx.txLog.count / now : 0;
  }

  private newNode(tx: number, role: number): number {
    const node = this.dag.add();
    if (node === this.nodeTx.length) this.grow();
    this.nodeTx[node] = tx;
    this.nodeRole[node] = role;
    return node;
  }

  /** Tip selection for each of the k approvals, keeping the node off both sides of a double spend. */
  private selectApprovals(node: number, ownSide: number): void {
    let side = ownSide;
    for (let j = 0; j < this.dag.approvals; j++) {
      const parent = this.selectTip(side, this.ctx.sim.now);
      if (parent < 0) break;
      this.dag.setParent(node, j, parent);
      side |= this.sides.side(parent);
    }
    this.sides.set(node, side);
  }

  /** A lazy issuer approves the transactions revealed lazyDepth (and lazyDepth + 1, ...) reveals ago. */
  private approveOldTransactions(node: number): void {
    const { dag } = this;
    let side = 0;
    for (let j = 0; j < dag.approvals; j++) {
      const parent = dag.revealOrder[Math.max(0, dag.revealedCount - 1 - this.config.attack.lazyDepth - j)];
      if (!this.sides.compatible(parent, side)) continue;
      dag.setParent(node, j, parent);
      side |= this.sides.side(parent);
    }
    this.sides.set(node, side);
  }

  /** Draws the hashes of one proof of work (geometric, mean 2^difficulty) and returns its seconds. */
  private proofOfWork(issuer: number, role: number): number {
    const now = this.ctx.sim.now;
    const bits = this.credit.difficulty(issuer, now);
    if (now >= this.ctx.warmup) {
      if (role === HONEST) this.honestDifficulty.add(bits);
      else if (role === LAZY) this.lazyDifficulty.add(bits);
      else this.attackerDifficulty.add(bits);
    }
    const hashes = Math.max(1, Math.ceil(-Math.pow(2, bits) * Math.log(1 - this.powRng())));
    this.hashes += hashes;
    if (role === ATTACKER_ROLE) this.attackerHashes += hashes;
    return hashes / this.issuers.rateOf(issuer);
  }

  private attachNode(node: number): void {
    this.accumulateTips();
    this.dag.attach(node);
    const role = this.nodeRole[node];
    const tx = this.nodeTx[node];
    const issuer = tx >= 0 ? this.ctx.txLog.issuer[tx] + 1 : ATTACKER;
    const now = this.ctx.sim.now;
    if (role === LAZY) this.credit.recordMisbehaviour(issuer, now, this.config.pow.lazyPenalty);
    else this.credit.recordValid(issuer, now);
    this.ctx.sim.schedule(this.drawDelay(), this.revealKind, node);
  }

  private revealNode(node: number): void {
    this.dag.reveal(node, this.ctx.sim.now);
    const tx = this.nodeTx[node];
    let references = 0;
    for (let j = 0; j < this.dag.approvals; j++) if (this.dag.parent(node, j) >= 0) references++;
    const bytes = (tx >= 0 ? this.ctx.txLog.sizeBytes[tx] : this.lastTxBytes) + references * this.config.referenceBytes;
    this.ledgerBytes += bytes;
    this.networkBytes += relayBytes(bytes, this.ctx.network.nodes - 1, this.links, this.ctx.network.announceBytes);
  }

  /** Adds the time since the last change of Popov's tip count, after warm-up, to the tip-time area. */
  private accumulateTips(): void {
    const now = this.ctx.sim.now;
    if (now > this.tipClock) {
      this.tipArea += this.dag.unapproved * (now - this.tipClock);
      this.tipClock = now;
    }
  }

  private grow(): void {
    const n = this.nodeTx.length * 2;
    this.nodeTx = ensureLength(this.nodeTx, n);
    this.nodeRole = ensureLength(this.nodeRole, n);
  }
}
