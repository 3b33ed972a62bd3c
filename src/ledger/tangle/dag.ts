// The tangle itself in flat typed arrays: each node's approvals (parents), its approvers as linked lists,
// exact cumulative weights kept as nodes are revealed, confirmation, the visible tips and Popov's tip count.

import { ensureLength } from '../../engine/typedArrays.js';
import { AncestorRing } from './ancestorRing.js';

/** Called when a node's cumulative weight first reaches the confirmation weight. */
export type ConfirmHandler = (node: number) => void;

/** A parent slot left empty (a node approving fewer than k distinct transactions). */
export const NO_PARENT = -1;

const INITIAL_CAPACITY = 1024;

/** Bits of TangleDag.flags, one byte per node. */
const CONFIRMED = 1;
/** The node has an attached approver. */
const APPROVED = 2;
const REVEALED = 4;
/** One of the node's approvals may have left the exact zone unconfirmed (checked when used). */
const PARENT_OUTSIDE = 8;
/** Visited by the walk under way (cleared when it ends). */
const VISITED = 16;

/**
 * Node 0 is the genesis. A node is added (its approvals chosen), later attached (its proof of work is done:
 * it counts in Popov's tips and its parents stop being tips there), and later revealed (visible to the
 * other issuers: it joins the approver lists, the visible tips, and the cumulative weights of its past cone).
 *
 * Weights count revealed nodes: weight(x) = 1 + revealed nodes that approve x directly or indirectly.
 * A node is frozen when it is confirmed and was revealed before the exact horizon: more than `exactWindow`
 * seconds before the latest reveal and more than `exactDepth` reveals back. The horizon only moves forward and
 * every ancestor of a frozen node is frozen (confirmed, revealed no later), so a reveal that skips frozen nodes
 * keeps every weight that is not frozen exact.
 *
 * The nodes revealed since the horizon form the exact zone; each keeps its ancestors within the zone as a bit
 * set, so a reveal finds its zone ancestors without walking there. An unconfirmed one gains one; a confirmed
 * one keeps its weight implicitly, as the reveals since it less those that do not approve it (fewer: the
 * recent ones), which each reveal counts instead. Ancestors older than the zone gain weight only while
 * unconfirmed: they are reached by a walk from the zone nodes that approve them.
 * (docs/ledger-tangle.md, "Cumulative weight and confirmation".)
 */
export class TangleDag {
  readonly approvals: number;
  /** Nodes so far (genesis included). */
  size = 0;
  parents: Int32Array;
  /**
   * Cumulative weights as kept: exact for unconfirmed nodes, and a frozen node's at the time it froze; a
   * confirmed node in the exact zone keeps its weight implicitly (read it, and any node's, with weightOf).
   */
  weight: Int32Array;
  /** Each node's marks, as bits (CONFIRMED, APPROVED, ...): read them with isConfirmed and the like. */
  private flags: Uint8Array;
  /** Order in which the node was revealed (-1 until then); revealOrder is the inverse. */
  revealSeq: Int32Array;
  revealOrder: Int32Array;
  /** Time of each reveal, by reveal order (non-decreasing). */
  revealTime: Float64Array;
  revealedCount = 0;
  /** Time of the latest reveal. */
  clock = 0;
  /**
   * Approver lists: the edge from approver a's j-th approval is numbered a * approvals + j (so it names its
   * approver without storing it); firstApprover[x] is the first edge of x's list, edgeNext[e] the next (-1: none).
   */
  firstApprover: Int32Array;
  private edgeNext: Int32Array;
  /** Revealed nodes that no revealed node approves yet, as a dense set (grown as the tips grow). */
  tips: Int32Array;
  tipCount = 0;
  private tipPosition: Int32Array;
  /** Attached nodes that no attached node approves yet (Popov's tips). */
  unapproved = 0;
  /** The walks' stack, and the nodes the walk under way has marked VISITED (both grown as a walk needs). */
  private stack: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private visited: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private visitedCount = 0;
  /** Ancestors of each node revealed since the exact horizon, among those nodes. */
  private readonly zone = new AncestorRing();
  /** First reveal order of the exact zone as of the latest reveal. */
  private zoneStart = 0;
  /**
   * For a confirmed node in the zone: 1 + reveals after it - its weight, i.e. the later reveals that do not
   * approve it (plus its weight's shortfall when it was confirmed, 0 for an exact count). weightOf() reads it.
   */
  private nonApprovers: Int32Array;
  private readonly horizonCursor = new RevealCursor(this);

  constructor(
    approvals: number,
    private readonly confirmationWeight: number,
    /** Confirmed nodes revealed within the last `exactWindow` seconds keep exact weights (mcmc walks read them)... */
    private readonly exactWindow: number,
    /** ...and so do the last `exactDepth` revealed nodes, however old. */
    private readonly exactDepth: number,
    private readonly onConfirm: ConfirmHandler,
    /** Nodes held before the arrays first grow (untouched pages of a larger capacity take no memory). */
    capacity = INITIAL_CAPACITY,
  ) {
    this.approvals = approvals;
    const n = Math.max(INITIAL_CAPACITY, Math.ceil(capacity));
    this.parents = new Int32Array(n * approvals);
    this.weight = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.revealSeq = new Int32Array(n);
    this.revealOrder = new Int32Array(n);
    this.revealTime = new Float64Array(n);
    this.firstApprover = new Int32Array(n);
    this.edgeNext = new Int32Array(n * approvals);
    this.tips = new Int32Array(n);
    this.tipPosition = new Int32Array(n);
    this.nonApprovers = new Int32Array(n);
    const genesis = this.add();
    this.attach(genesis);
    this.reveal(genesis, 0);
  }

  /**
   * Adds a node with no approvals yet; fill them with setParent before attaching it. Its -1s are written here,
   * not when the arrays grow, so that the arrays' unused tails stay untouched pages, which take no memory.
   */
  add(): number {
    if (this.size === this.weight.length) this.grow();
    const node = this.size++;
    for (let j = 0, base = node * this.approvals; j < this.approvals; j++) this.parents[base + j] = NO_PARENT;
    this.revealSeq[node] = -1;
    this.firstApprover[node] = -1;
    this.tipPosition[node] = -1;
    return node;
  }

  /** Sets the j-th approval of `node`; a parent already among its approvals is ignored. */
  setParent(node: number, j: number, parent: number): void {
    const base = node * this.approvals;
    for (let i = 0; i < j; i++) if (this.parents[base + i] === parent) return;
    this.parents[base + j] = parent;
  }

  parent(node: number, j: number): number {
    return this.parents[node * this.approvals + j];
  }

  /** The node's proof of work is done: it is a tip in Popov's sense and its parents no longer are. */
  attach(node: number): void {
    this.unapproved++;
    const base = node * this.approvals;
    for (let j = 0; j < this.approvals; j++) {
      const p = this.parents[base + j];
      if (p >= 0 && (this.flags[p] & APPROVED) === 0) {
        this.flags[p] |= APPROVED;
        this.unapproved--;
      }
    }
  }

  /** The node becomes visible: it joins approver lists and tips, and its past cone gains one weight. */
  reveal(node: number, now: number): void {
    this.clock = now;
    this.flags[node] |= REVEALED;
    this.revealSeq[node] = this.revealedCount;
    this.revealTime[this.revealedCount] = now;
    this.revealOrder[this.revealedCount++] = node;
    const base = node * this.approvals;
    for (let j = 0; j < this.approvals; j++) {
      const p = this.parents[base + j];
      if (p < 0) continue;
      this.edgeNext[base + j] = this.firstApprover[p];
      this.firstApprover[p] = base + j;
      if (this.tipPosition[p] >= 0) this.removeTip(p);
    }
    if (this.tipCount === this.tips.length) this.tips = ensureLength(this.tips, this.tipCount + 1);
    this.tipPosition[node] = this.tipCount;
    this.tips[this.tipCount++] = node;
    this.weight[node] = 1;
    this.checkConfirmation(node);
    this.addWeightToPastCone(node);
  }

  /** Approvers of `node` are edgeApproverAt(e) for e = firstApprover[node], nextEdge(e), ... while e >= 0. */
  nextEdge(edge: number): number {
    return this.edgeNext[edge];
  }

  edgeApproverAt(edge: number): number {
    return (edge / this.approvals) | 0;
  }

  isConfirmed(node: number): boolean {
    return (this.flags[node] & CONFIRMED) !== 0;
  }

  /** True once the node has an attached approver. */
  isApproved(node: number): boolean {
    return (this.flags[node] & APPROVED) !== 0;
  }

  isRevealed(node: number): boolean {
    return (this.flags[node] & REVEALED) !== 0;
  }

  /** True when the node's weight is no longer kept (confirmed, and revealed before the exact window). */
  isFrozen(node: number): boolean {
    return (this.flags[node] & (CONFIRMED | REVEALED)) === (CONFIRMED | REVEALED) && this.revealSeq[node] < this.exactHorizon();
  }

  /** First reveal order whose weights are kept exact: within exactWindow seconds or exactDepth reveals of the latest. */
  exactHorizon(): number {
    return Math.max(0, Math.min(this.horizonCursor.from(this.clock - this.exactWindow), this.revealedCount - this.exactDepth));
  }

  /**
   * Cumulative weight of `node` counted afresh over its future cone (revealed approvers, direct or not),
   * exact even when the node is frozen; costs the size of the cone, so it is for rare questions.
   */
  countedWeight(node: number): number {
    let stack = this.stack;
    let top = 0;
    let count = 0;
    stack[top++] = node;
    this.visit(node);
    while (top > 0) {
      const x = stack[--top];
      count++;
      for (let e = this.firstApprover[x]; e >= 0; e = this.edgeNext[e]) {
        const y = (e / this.approvals) | 0;
        if ((this.flags[y] & VISITED) !== 0) continue;
        this.visit(y);
        if (top === stack.length) stack = this.growStack();
        stack[top++] = y;
      }
    }
    this.endWalk();
    return count;
  }

  /** First reveal order whose reveal time is at least `time` (revealedCount if none). */
  firstRevealedFrom(time: number): number {
    let lo = 0, hi = this.revealedCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.revealTime[mid] < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The cumulative weight of `node` as of the latest reveal (exact unless the node is frozen). */
  weightOf(node: number): number {
    const seq = this.revealSeq[node];
    if ((this.flags[node] & CONFIRMED) !== 0 && seq >= this.zoneStart) return this.revealedCount - seq - this.nonApprovers[node];
    return this.weight[node];
  }

  /**
   * Adds one to the weight of every ancestor of `node` that is not frozen: its ancestors in the exact zone
   * (from its bit set, the union of its parents'): an unconfirmed one explicitly, a confirmed one implicitly
   * (each confirmed zone node that is not an ancestor counts one more non-approver instead); then, walking
   * from the zone nodes that approve them, its unconfirmed ancestors older than the zone (an ancestor of a
   * confirmed node is confirmed, so the walk stops at confirmed ones, which are frozen there). Each node gains
   * one at most; the order does not matter.
   */
  private addWeightToPastCone(node: number): void {
    const seq = this.revealSeq[node];
    const horizon = this.exactHorizon();
    this.leaveZone(horizon, seq - 1);
    if (!this.zone.holds(horizon, seq)) this.rebuildZone(horizon, seq - horizon + 1);
    this.startZoneSet(node, seq, horizon);
    if ((this.flags[node] & CONFIRMED) !== 0) this.nonApprovers[node] = 1 - this.weight[node];
    let top = this.pushOutsideParents(node, horizon, 0);
    const { zone } = this;
    zone.classify(seq, horizon);
    const { weight, flags, revealSeq, nonApprovers, confirmationWeight } = this;
    const pending = zone.pendingAncestors;
    for (let i = 0; i < zone.pendingCount; i++) {
      const x = pending[i];
      if (++weight[x] >= confirmationWeight) {
        flags[x] |= CONFIRMED;
        this.onConfirm(x);
        zone.setPending(revealSeq[x], false);
        nonApprovers[x] = 1 + seq - revealSeq[x] - weight[x];
      }
    }
    const others = zone.confirmedOthers;
    for (let i = 0; i < zone.confirmedOthersCount; i++) nonApprovers[others[i]]++;
    const flagged = zone.flaggedAncestors;
    for (let i = 0; i < zone.flaggedCount; i++) top = this.pushOutsideParents(flagged[i], horizon, top);
    this.addWeightOutsideZone(top);
  }

  /** The walk over unconfirmed ancestors older than the zone, from the `top` nodes on the stack. */
  private addWeightOutsideZone(top: number): void {
    const { parents, weight, flags, confirmationWeight } = this;
    const k = this.approvals;
    let stack = this.stack;
    while (top > 0) {
      const x = stack[--top];
      if ((flags[x] & VISITED) !== 0) continue;
      this.visit(x);
      if ((flags[x] & CONFIRMED) !== 0) continue;
      if (++weight[x] >= confirmationWeight) {
        flags[x] |= CONFIRMED;
        this.onConfirm(x);
      }
      if (top + k > stack.length) stack = this.growStack();
      for (let j = 0, base = x * k; j < k; j++) {
        const p = parents[base + j];
        if (p >= 0 && (flags[p] & VISITED) === 0) stack[top++] = p;
      }
    }
    this.endWalk();
  }

  /** Pushes the approvals of `node` older than the zone and unconfirmed onto the walk's stack; returns its new top. */
  private pushOutsideParents(node: number, horizon: number, top: number): number {
    const k = this.approvals;
    if (top + k > this.stack.length) this.growStack();
    for (let j = 0, base = node * k; j < k; j++) {
      const p = this.parents[base + j];
      if (p >= 0 && this.revealSeq[p] < horizon && (this.flags[p] & (CONFIRMED | VISITED)) === 0) this.stack[top++] = p;
    }
    return top;
  }

  /** Marks `node` VISITED by the walk under way. */
  private visit(node: number): void {
    this.flags[node] |= VISITED;
    if (this.visitedCount === this.visited.length) this.visited = ensureLength(this.visited, this.visitedCount + 1);
    this.visited[this.visitedCount++] = node;
  }

  /** Clears the marks of the walk that ends. */
  private endWalk(): void {
    const { flags, visited } = this;
    for (let i = 0; i < this.visitedCount; i++) flags[visited[i]] &= ~VISITED;
    this.visitedCount = 0;
  }

  /** The zone set of `node` (revealed at `seq`): its parents in the zone and their zone sets; its marks. */
  private startZoneSet(node: number, seq: number, horizon: number): void {
    this.zone.start(seq, node, (this.flags[node] & CONFIRMED) === 0);
    const k = this.approvals;
    for (let j = 0, base = node * k; j < k; j++) {
      const p = this.parents[base + j];
      if (p < 0) continue;
      const parentSeq = this.revealSeq[p];
      if (parentSeq < 0) throw new Error(`tangle: node ${node} revealed before the node ${p} it approves`);
      if (parentSeq >= horizon) this.zone.addParent(seq, parentSeq, horizon);
      else this.flags[node] |= PARENT_OUTSIDE;
    }
    if ((this.flags[node] & PARENT_OUTSIDE) !== 0) this.zone.setFlagged(seq, true);
  }

  /**
   * Moves the zone's start to `horizon`, the reveals up to `counted` counted: a confirmed node that leaves it
   * freezes with its weight written out; the approvers of one that leaves it unconfirmed are flagged.
   */
  private leaveZone(horizon: number, counted: number): void {
    for (let order = this.zoneStart; order < horizon; order++) {
      const x = this.revealOrder[order];
      if ((this.flags[x] & CONFIRMED) !== 0) {
        this.weight[x] = 1 + counted - order - this.nonApprovers[x];
        continue;
      }
      for (let e = this.firstApprover[x]; e >= 0; e = this.edgeNext[e]) {
        const approver = (e / this.approvals) | 0;
        this.flags[approver] |= PARENT_OUTSIDE;
        if (this.revealSeq[approver] >= horizon) this.zone.setFlagged(this.revealSeq[approver], true);
      }
    }
    this.zoneStart = Math.max(this.zoneStart, horizon);
  }

  /** A larger ring for a zone of `reveals` reveals from `horizon`: the sets of the zone's nodes built again in reveal order. */
  private rebuildZone(horizon: number, reveals: number): void {
    this.zone.resize(2 * reveals);
    const last = horizon + reveals - 1;
    for (let order = horizon; order < last; order++) this.startZoneSet(this.revealOrder[order], order, horizon);
  }

  private checkConfirmation(x: number): void {
    if ((this.flags[x] & CONFIRMED) === 0 && this.weight[x] >= this.confirmationWeight) {
      this.flags[x] |= CONFIRMED;
      this.onConfirm(x);
    }
  }

  private removeTip(node: number): void {
    const at = this.tipPosition[node];
    const last = this.tips[--this.tipCount];
    this.tips[at] = last;
    this.tipPosition[last] = at;
    this.tipPosition[node] = -1;
  }

  private growStack(): Int32Array {
    this.stack = ensureLength(this.stack, this.stack.length + 1);
    return this.stack;
  }

  private grow(): void {
    const n = this.weight.length * 2;
    const k = this.approvals;
    this.parents = ensureLength(this.parents, n * k);
    this.weight = ensureLength(this.weight, n);
    this.flags = ensureLength(this.flags, n);
    this.revealSeq = ensureLength(this.revealSeq, n);
    this.revealOrder = ensureLength(this.revealOrder, n);
    this.revealTime = ensureLength(this.revealTime, n);
    this.firstApprover = ensureLength(this.firstApprover, n);
    this.edgeNext = ensureLength(this.edgeNext, n * k);
    this.tipPosition = ensureLength(this.tipPosition, n);
    this.nonApprovers = ensureLength(this.nonApprovers, n);
  }
}

/**
 * firstRevealedFrom for a caller whose times mostly do not decrease (the clock moves forward, reveals only
 * append): it steps on from its last answer, and searches afresh only when asked about an earlier time.
 */
export class RevealCursor {
  private order = 0;

  constructor(private readonly dag: TangleDag) {}

  from(time: number): number {
    const { revealTime, revealedCount } = this.dag;
    let order = this.order;
    if (order > 0 && revealTime[order - 1] >= time) order = this.dag.firstRevealedFrom(time);
    while (order < revealedCount && revealTime[order] < time) order++;
    this.order = order;
    return order;
  }
}
