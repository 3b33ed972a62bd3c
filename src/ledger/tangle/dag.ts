// The tangle itself in flat typed arrays: each node's approvals (parents), its approvers as linked lists,
// exact cumulative weights kept as nodes are revealed, confirmation, the visible tips and Popov's tip count.

import { ensureLength } from '../../engine/typedArrays.js';
import { AncestorRing } from './ancestorRing.js';

/** Called when a node's cumulative weight first reaches the confirmation weight. */
export type ConfirmHandler = (node: number) => void;

/** A parent slot left empty (a node approving fewer than k distinct transactions). */
export const NO_PARENT = -1;

const INITIAL_CAPACITY = 1024;

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
  confirmed: Uint8Array;
  /** 1 once the node has an attached approver. */
  approved: Uint8Array;
  attached: Uint8Array;
  revealed: Uint8Array;
  /** Order in which the node was revealed (-1 until then); revealOrder is the inverse. */
  revealSeq: Int32Array;
  revealOrder: Int32Array;
  /** Time of each reveal, by reveal order (non-decreasing). */
  revealTime: Float64Array;
  revealedCount = 0;
  /** Time of the latest reveal. */
  clock = 0;
  firstApprover: Int32Array;
  private edgeApprover: Int32Array;
  private edgeNext: Int32Array;
  private edges = 0;
  /** Revealed nodes that no revealed node approves yet, as a dense set. */
  tips: Int32Array;
  tipCount = 0;
  private tipPosition: Int32Array;
  /** Attached nodes that no attached node approves yet (Popov's tips). */
  unapproved = 0;
  /** Per node, the walk that last visited it; every walk takes a fresh number from `walks`. */
  private stamp: Int32Array;
  private walks = 0;
  private stack: Int32Array;
  /** Ancestors of each node revealed since the exact horizon, among those nodes. */
  private readonly zone = new AncestorRing();
  /** First reveal order of the exact zone as of the latest reveal. */
  private zoneStart = 0;
  /** 1 when one of the node's approvals may have left the exact zone unconfirmed (checked when used). */
  private parentOutside: Uint8Array;
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
  ) {
    this.approvals = approvals;
    const n = INITIAL_CAPACITY;
    this.parents = new Int32Array(n * approvals).fill(NO_PARENT);
    this.weight = new Int32Array(n);
    this.confirmed = new Uint8Array(n);
    this.approved = new Uint8Array(n);
    this.attached = new Uint8Array(n);
    this.revealed = new Uint8Array(n);
    this.revealSeq = new Int32Array(n).fill(-1);
    this.revealOrder = new Int32Array(n);
    this.revealTime = new Float64Array(n);
    this.firstApprover = new Int32Array(n).fill(-1);
    this.edgeApprover = new Int32Array(n * approvals);
    this.edgeNext = new Int32Array(n * approvals);
    this.tips = new Int32Array(n);
    this.tipPosition = new Int32Array(n).fill(-1);
    this.stamp = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.parentOutside = new Uint8Array(n);
    this.nonApprovers = new Int32Array(n);
    const genesis = this.add();
    this.attach(genesis);
    this.reveal(genesis, 0);
  }

  /** Adds a node with no approvals yet; fill them with setParent before attaching it. */
  add(): number {
    if (this.size === this.weight.length) this.grow();
    return this.size++;
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
    this.attached[node] = 1;
    this.unapproved++;
    const base = node * this.approvals;
    for (let j = 0; j < this.approvals; j++) {
      const p = this.parents[base + j];
      if (p >= 0 && this.approved[p] === 0) {
        this.approved[p] = 1;
        this.unapproved--;
      }
    }
  }

  /** The node becomes visible: it joins approver lists and tips, and its past cone gains one weight. */
  reveal(node: number, now: number): void {
    this.clock = now;
    this.revealed[node] = 1;
    this.revealSeq[node] = this.revealedCount;
    this.revealTime[this.revealedCount] = now;
    this.revealOrder[this.revealedCount++] = node;
    const base = node * this.approvals;
    for (let j = 0; j < this.approvals; j++) {
      const p = this.parents[base + j];
      if (p < 0) continue;
      this.edgeApprover[this.edges] = node;
      this.edgeNext[this.edges] = this.firstApprover[p];
      this.firstApprover[p] = this.edges++;
      if (this.tipPosition[p] >= 0) this.removeTip(p);
    }
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
    return this.edgeApprover[edge];
  }

  /** True when the node's weight is no longer kept (confirmed, and revealed before the exact window). */
  isFrozen(node: number): boolean {
    return this.confirmed[node] === 1 && this.revealed[node] === 1 && this.revealSeq[node] < this.exactHorizon();
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
    const mark = this.nextWalk();
    let stack = this.stack;
    let top = 0;
    let count = 0;
    stack[top++] = node;
    this.stamp[node] = mark;
    while (top > 0) {
      const x = stack[--top];
      count++;
      for (let e = this.firstApprover[x]; e >= 0; e = this.edgeNext[e]) {
        const y = this.edgeApprover[e];
        if (this.stamp[y] === mark) continue;
        this.stamp[y] = mark;
        if (top === stack.length) stack = this.growStack();
        stack[top++] = y;
      }
    }
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
    if (this.confirmed[node] === 1 && seq >= this.zoneStart) return this.revealedCount - seq - this.nonApprovers[node];
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
    if (this.confirmed[node] === 1) this.nonApprovers[node] = 1 - this.weight[node];
    const mark = this.nextWalk();
    let top = this.pushOutsideParents(node, horizon, mark, 0);
    const { zone } = this;
    zone.classify(seq, horizon);
    const { weight, confirmed, revealSeq, nonApprovers, confirmationWeight } = this;
    const pending = zone.pendingAncestors;
    for (let i = 0; i < zone.pendingCount; i++) {
      const x = pending[i];
      if (++weight[x] >= confirmationWeight) {
        confirmed[x] = 1;
        this.onConfirm(x);
        zone.setPending(revealSeq[x], false);
        nonApprovers[x] = 1 + seq - revealSeq[x] - weight[x];
      }
    }
    const others = zone.confirmedOthers;
    for (let i = 0; i < zone.confirmedOthersCount; i++) nonApprovers[others[i]]++;
    const flagged = zone.flaggedAncestors;
    for (let i = 0; i < zone.flaggedCount; i++) top = this.pushOutsideParents(flagged[i], horizon, mark, top);
    this.addWeightOutsideZone(top, mark);
  }

  /** The walk over unconfirmed ancestors older than the zone, from the `top` nodes on the stack. */
  private addWeightOutsideZone(top: number, mark: number): void {
    const { parents, stamp, weight, confirmed, confirmationWeight } = this;
    const k = this.approvals;
    let stack = this.stack;
    while (top > 0) {
      const x = stack[--top];
      if (stamp[x] === mark) continue;
      stamp[x] = mark;
      if (confirmed[x] === 1) continue;
      if (++weight[x] >= confirmationWeight) {
        confirmed[x] = 1;
        this.onConfirm(x);
      }
      if (top + k > stack.length) stack = this.growStack();
      for (let j = 0, base = x * k; j < k; j++) {
        const p = parents[base + j];
        if (p >= 0 && stamp[p] !== mark) stack[top++] = p;
      }
    }
  }

  /** Pushes the approvals of `node` older than the zone and unconfirmed onto the walk's stack; returns its new top. */
  private pushOutsideParents(node: number, horizon: number, mark: number, top: number): number {
    const k = this.approvals;
    if (top + k > this.stack.length) this.growStack();
    for (let j = 0, base = node * k; j < k; j++) {
      const p = this.parents[base + j];
      if (p >= 0 && this.revealSeq[p] < horizon && this.confirmed[p] === 0 && this.stamp[p] !== mark) this.stack[top++] = p;
    }
    return top;
  }

  /** The zone set of `node` (revealed at `seq`): its parents in the zone and their zone sets; its marks. */
  private startZoneSet(node: number, seq: number, horizon: number): void {
    this.zone.start(seq, node, this.confirmed[node] === 0);
    const k = this.approvals;
    for (let j = 0, base = node * k; j < k; j++) {
      const p = this.parents[base + j];
      if (p < 0) continue;
      const parentSeq = this.revealSeq[p];
      if (parentSeq < 0) throw new Error(`tangle: node ${node} revealed before the node ${p} it approves`);
      if (parentSeq >= horizon) this.zone.addParent(seq, parentSeq, horizon);
      else this.parentOutside[node] = 1;
    }
    if (this.parentOutside[node] === 1) this.zone.setFlagged(seq, true);
  }

  /**
   * Moves the zone's start to `horizon`, the reveals up to `counted` counted: a confirmed node that leaves it
   * freezes with its weight written out; the approvers of one that leaves it unconfirmed are flagged.
   */
  private leaveZone(horizon: number, counted: number): void {
    for (let order = this.zoneStart; order < horizon; order++) {
      const x = this.revealOrder[order];
      if (this.confirmed[x] === 1) {
        this.weight[x] = 1 + counted - order - this.nonApprovers[x];
        continue;
      }
      for (let e = this.firstApprover[x]; e >= 0; e = this.edgeNext[e]) {
        const approver = this.edgeApprover[e];
        this.parentOutside[approver] = 1;
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

  /** A stamp no node carries yet; when the counter would overflow, every stamp is cleared and it starts again. */
  private nextWalk(): number {
    if (this.walks === 0x7fffffff) {
      this.stamp.fill(0);
      this.walks = 0;
    }
    return ++this.walks;
  }

  private checkConfirmation(x: number): void {
    if (this.confirmed[x] === 0 && this.weight[x] >= this.confirmationWeight) {
      this.confirmed[x] = 1;
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
    this.parents = ensureLength(this.parents, n * k, NO_PARENT);
    this.weight = ensureLength(this.weight, n);
    this.confirmed = ensureLength(this.confirmed, n);
    this.approved = ensureLength(this.approved, n);
    this.attached = ensureLength(this.attached, n);
    this.revealed = ensureLength(this.revealed, n);
    this.revealSeq = ensureLength(this.revealSeq, n, -1);
    this.revealOrder = ensureLength(this.revealOrder, n);
    this.revealTime = ensureLength(this.revealTime, n);
    this.firstApprover = ensureLength(this.firstApprover, n, -1);
    this.edgeApprover = ensureLength(this.edgeApprover, n * k);
    this.edgeNext = ensureLength(this.edgeNext, n * k);
    this.tips = ensureLength(this.tips, n);
    this.tipPosition = ensureLength(this.tipPosition, n, -1);
    this.stamp = ensureLength(this.stamp, n);
    this.parentOutside = ensureLength(this.parentOutside, n);
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
