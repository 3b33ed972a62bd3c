// The blockchain machinery every chain ledger shares: producers elected by a block clock (by default a
// Poisson clock and a weighted pick; a kind may inject its own), block building from the fee-rate mempool
// on the producer's first-seen longest chain, hop-by-hop propagation (announce, then fetch once; over the
// producers' backbone between producers), main-chain tracking with
// reorganisations, and confirmation at a depth.

import { transactionArrayLength, type LedgerContext } from '../ledger.js';
import { buildPeerGraph, linkCount } from '../../network/peerGraph.js';
import { LinkDelay, relayBytes } from '../../network/relay.js';
import { BlockStore } from './blockStore.js';
import { ensureLength } from '../../engine/typedArrays.js';
import { MainChain } from './mainChain.js';
import { Mempool } from './mempool.js';
import { Propagation } from './propagation.js';
import { PoissonClock, type BlockClock } from './blockClock.js';
import type { BlockColumns } from '../ledger.js';

export interface ChainConfig {
  /** Nodes 0 .. producers-1 produce blocks, picked with probability proportional to `weights`. */
  producers: number;
  weights: readonly number[];
  /** Mean time between blocks found anywhere (the default Poisson clock). */
  blockInterval: number;
  /** When blocks are due and who makes them; default: a Poisson clock at `blockInterval`, producers by `weights`. */
  clock?: BlockClock;
  blockSize: number;
  headerBytes: number;
  confirmations: number;
  /** Bytes a node fetches of a block with `txCount` transactions and `bytes` stored bytes (the whole block, or a compact form). */
  wireBytes(txCount: number, bytes: number): number;
  /** Called after each block is found and placed (e.g. for difficulty retargeting). */
  onBlock?(b: number): void;
}

/** A snapshot for tests and reports: the main chain's block ids from genesis to tip. */
export interface ChainInspection {
  store: BlockStore;
  mainChain: Int32Array;
  /** Block holding each transaction on the main chain, -1 if none (by transaction id). */
  mainBlockOf: Int32Array;
}

export class Chain {
  readonly store = new BlockStore();
  readonly main: MainChain;
  readonly mempool: Mempool;
  /** Transactions submitted and not on the main chain. */
  pending = 0;
  /** Bytes of transaction gossip (an announcement on every link, each transaction fetched once by each node). */
  txNetworkBytes = 0;
  /** Bytes of block relay (an announcement on every link crossed, the wire bytes fetched once by each node). */
  blockNetworkBytes = 0;
  /** Bytes of every block found (what a full node that keeps all it has seen stores). */
  allBlockBytes = 0;
  /** Bytes of the main chain's blocks. */
  mainBytes = 0;
  mainTxCount = 0;
  /** Fees of the main chain's transactions. */
  mainFees = 0;
  private readonly propagation: Propagation;
  private readonly nodes: number;
  private readonly clock: BlockClock;
  private readonly txDelay: LinkDelay;
  private readonly links: number;
  private readonly findKind: number;
  /** Per-transaction state, sized for the run's expected transactions (ctx.transactionCapacity), grown past it if need be. */
  private mainBlockOf: Int32Array;
  /** Transactions whose state is set up (mainBlockOf -1 written per transaction, so unused tails stay untouched pages). */
  private reserved = 0;
  private availableAt: Float64Array;
  private excluded: Int32Array;
  private extra: Int32Array;
  private build = 0;
  private deferred = new Int32Array(1024);

  constructor(private readonly config: ChainConfig, private readonly ctx: LedgerContext) {
    const capacity = transactionArrayLength(ctx);
    this.mempool = new Mempool(capacity);
    this.mainBlockOf = new Int32Array(capacity);
    this.availableAt = new Float64Array(capacity);
    this.excluded = new Int32Array(capacity);
    this.extra = new Int32Array(capacity);
    const { network } = ctx;
    this.nodes = network.nodes;
    if (config.producers > this.nodes) {
      throw new RangeError(`${config.producers} block producers but only ${this.nodes} network nodes; raise network.nodes or lower the producers`);
    }
    const { backbone } = network;
    // A backbone sets producers apart from ordinary nodes; where every node produces, there is none.
    const backboneDegree = config.producers < this.nodes ? backbone.degree : 0;
    const graph = buildPeerGraph(this.nodes, network.topology, network.degree, ctx.stream('peers'), { producers: config.producers, degree: backboneDegree });
    this.links = linkCount(graph);
    const backboneDelay = backboneDegree > 0 ? new LinkDelay(backbone, ctx.stream('backboneDelay')) : null;
    this.propagation = new Propagation(graph, new LinkDelay(network, ctx.stream('blockDelay')), config.producers, backboneDelay);
    this.txDelay = new LinkDelay(network, ctx.stream('txDelay'));
    this.clock = config.clock ?? new PoissonClock(config.blockInterval, config.weights, ctx.stream('mining'), ctx.stream('producer'));
    this.main = new MainChain(this.store, config.confirmations, {
      joined: (b) => this.joined(b),
      left: (b) => this.left(b),
      confirmed: (b) => this.confirmed(b),
    });
    this.store.open(-1, -1, 0);
    this.store.seal(0, 0, 0);
    this.propagation.genesis();
    this.findKind = ctx.sim.register(() => {
      const producer = this.clock.producer();
      if (producer >= 0) this.produce(producer);
      ctx.sim.schedule(this.clock.wait(), this.findKind);
    });
    ctx.sim.schedule(this.clock.wait(), this.findKind);
  }

  /** Accepts transaction `tx`: after `computeDelay` (its issuer's signing) and one sampled link delay it reaches every producer's mempool. */
  submit(tx: number, computeDelay = 0): void {
    const log = this.ctx.txLog;
    this.reserve(tx + 1);
    const size = log.sizeBytes[tx];
    this.availableAt[tx] = this.ctx.sim.now + computeDelay + this.txDelay.draw(size);
    this.toMempool(tx);
    this.pending++;
    this.txNetworkBytes += relayBytes(size, this.nodes - 1, this.links, this.ctx.network.announceBytes);
  }

  get blocksFound(): number {
    return this.store.count - 1;
  }

  /** Share of found blocks that are not on the main chain. */
  staleRate(): number | null {
    return this.blocksFound === 0 ? null : 1 - this.main.height / this.blocksFound;
  }

  /** Mean time between main-chain blocks. */
  blockInterval(): number | null {
    return this.main.height === 0 ? null : this.store.foundAt[this.main.tip] / this.main.height;
  }

  /** Means over blocks of the mean and median time for a block to reach a node, to reach the last node, and to reach a producer. */
  propagationDelays(): { mean: number | null; median: number | null; full: number | null; producers: number | null } {
    const n = this.blocksFound, p = this.propagation;
    if (n === 0) return { mean: null, median: null, full: null, producers: null };
    return { mean: p.meanDelaySum / n, median: p.medianDelaySum / n, full: p.fullDelaySum / n, producers: p.producerDelaySum / n };
  }

  inspect(): ChainInspection {
    const h = this.main.height;
    return { store: this.store, mainChain: this.main.blockAt.slice(0, h + 1), mainBlockOf: this.mainBlockOf.slice(0, this.ctx.txLog.count).fill(-1, this.reserved) };
  }

  /** Changes the mean time between blocks from now on (the clock is memoryless, so only the next draw changes). */
  retime(blockInterval: number): void {
    this.clock.retime?.(blockInterval);
  }

  /** Every block found so far (genesis first), with whether it is on the main chain now. */
  blockColumns(): BlockColumns {
    const { store, main } = this;
    const count = store.count;
    const onMain = new Uint8Array(count);
    for (let h = 0; h <= main.height; h++) onMain[main.blockAt[h]] = 1;
    return {
      count,
      parent: store.parent.slice(0, count),
      height: store.height.slice(0, count),
      producer: store.producer.slice(0, count),
      foundAt: store.foundAt.slice(0, count),
      sizeBytes: store.bytes.slice(0, count),
      txCount: store.txCount.slice(0, count),
      main: onMain,
    };
  }

  private produce(producer: number): void {
    const { store, ctx } = this;
    const now = ctx.sim.now;
    const parent = this.propagation.tipFor(store, producer, now);
    const b = store.open(parent, producer, now);
    const bytes = this.fill(b, parent, now);
    store.seal(b, bytes, this.config.wireBytes(store.txCount[b], bytes));
    this.allBlockBytes += bytes;
    const wire = store.wireBytes[b];
    const crossed = this.propagation.flood(store, b, producer, now, wire);
    this.blockNetworkBytes += relayBytes(wire, this.nodes - 1, crossed, ctx.network.announceBytes);
    if (!this.main.add(b)) this.returnToMempool(b);
    this.config.onBlock?.(b);
  }

  /** Fills block `b` on `parent` with the highest fee-rate transactions the producer can include; returns its bytes. */
  private fill(b: number, parent: number, now: number): number {
    const { store, mempool, main } = this;
    const build = ++this.build;
    const mainBlockOf = this.mainBlockOf, excluded = this.excluded, extra = this.extra, availableAt = this.availableAt;
    if (parent !== main.tip) this.markBranch(parent, build);
    const log = this.ctx.txLog;
    let bytes = this.config.headerBytes, deferredCount = 0;
    const limit = this.config.blockSize;
    for (;;) {
      const tx = mempool.pop();
      if (tx < 0) break;
      const onMain = mainBlockOf[tx] >= 0 && extra[tx] !== build;
      if (onMain) continue;
      const size = log.sizeBytes[tx];
      const include = excluded[tx] !== build && availableAt[tx] <= now && bytes + size <= limit;
      if (!include) {
        if (deferredCount === this.deferred.length) this.deferred = ensureLength(this.deferred, deferredCount + 1);
        this.deferred[deferredCount++] = tx;
        if (bytes + size > limit) break;
        continue;
      }
      store.append(b, tx, log.feeOf(tx));
      bytes += size;
    }
    for (let i = 0; i < deferredCount; i++) this.toMempool(this.deferred[i]);
    return bytes;
  }

  /**
   * Producer builds off the main tip: its own branch's transactions are not available to it (stamp `excluded`),
   * and the main-chain transactions its chain lacks are (stamp `extra`, back into the heap).
   */
  private markBranch(parent: number, build: number): void {
    const { store, main } = this;
    const { txIds, txStart, txCount, height } = store;
    let x = parent;
    while (!main.isMain(x)) {
      for (let i = txStart[x], end = i + txCount[x]; i < end; i++) this.excluded[txIds[i]] = build;
      x = store.parent[x];
    }
    for (let h = height[x] + 1; h <= main.height; h++) {
      const y = main.blockAt[h];
      for (let i = txStart[y], end = i + txCount[y]; i < end; i++) {
        this.extra[txIds[i]] = build;
        this.toMempool(txIds[i]);
      }
    }
  }

  /** A block that is not on the main chain leaves its pending transactions in the mempool. */
  private returnToMempool(b: number): void {
    const { txIds, txStart, txCount } = this.store;
    for (let i = txStart[b], end = i + txCount[b]; i < end; i++) {
      const tx = txIds[i];
      if (this.mainBlockOf[tx] < 0) this.toMempool(tx);
    }
  }

  private joined(b: number): void {
    const { txIds, txStart, txCount, bytes, fees } = this.store;
    for (let i = txStart[b], end = i + txCount[b]; i < end; i++) this.mainBlockOf[txIds[i]] = b;
    this.pending -= txCount[b];
    this.mainTxCount += txCount[b];
    this.mainBytes += bytes[b];
    this.mainFees += fees[b];
  }

  private left(b: number): void {
    const { txIds, txStart, txCount, bytes, fees } = this.store;
    for (let i = txStart[b], end = i + txCount[b]; i < end; i++) {
      this.mainBlockOf[txIds[i]] = -1;
      this.toMempool(txIds[i]);
    }
    this.pending += txCount[b];
    this.mainTxCount -= txCount[b];
    this.mainBytes -= bytes[b];
    this.mainFees -= fees[b];
  }

  private confirmed(b: number): void {
    const { txIds, txStart, txCount } = this.store;
    const log = this.ctx.txLog, now = this.ctx.sim.now;
    for (let i = txStart[b], end = i + txCount[b]; i < end; i++) log.confirm(txIds[i], now);
  }

  /** Puts a transaction submitted earlier (back) into the mempool, at its fee rate. */
  private toMempool(tx: number): void {
    const log = this.ctx.txLog;
    this.mempool.push(tx, log.feeOf(tx) / log.sizeBytes[tx]);
  }

  private reserve(n: number): void {
    this.mempool.reserve(n);
    if (n > this.availableAt.length) {
      this.mainBlockOf = ensureLength(this.mainBlockOf, n);
      this.availableAt = ensureLength(this.availableAt, n);
      this.excluded = ensureLength(this.excluded, n);
      this.extra = ensureLength(this.extra, n);
    }
    for (; this.reserved < n; this.reserved++) this.mainBlockOf[this.reserved] = -1;
  }
}
