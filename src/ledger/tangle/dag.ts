// The tangle itself in flat typed arrays: each node's approvals (parents), its approvers as linked lists,
// exact cumulative weights kept by past-cone walks, confirmation, the visible tips and Popov's tip count.

import { ensureLength } from '../../engine/typedArrays.js';

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
 * every ancestor of a frozen node is frozen (confirmed, revealed no later), so cone walks stop there and every
 * weight that is not frozen stays exact.
 */
export class TangleDag {
  readonly approvals: number;
  /** Nodes so far (genesis included). */
  size = 0;
  parents: Int32Array;
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
    return Math.max(0, Math.min(this.firstRevealedFrom(this.clock - this.exactWindow), this.revealedCount - this.exactDepth));
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

  private addWeightToPastCone(node: number): void {
    const mark = this.nextWalk();
    const parents = this.parents;
    const k = this.approvals;
    const horizon = this.exactHorizon();
    const revealSeq = this.revealSeq;
    let stack = this.stack;
    let top = 0;
    for (let j = 0; j < k; j++) {
      const p = parents[node * k + j];
      if (p >= 0) stack[top++] = p;
    }
    while (top > 0) {
      const x = stack[--top];
      if (this.stamp[x] === mark) continue;
      this.stamp[x] = mark;
      if (this.confirmed[x] === 1 && revealSeq[x] < horizon) continue;
      this.weight[x]++;
      this.checkConfirmation(x);
      if (top + k > stack.length) stack = this.growStack();
      for (let j = 0; j < k; j++) {
        const p = parents[x * k + j];
        if (p >= 0 && this.stamp[p] !== mark) stack[top++] = p;
      }
    }
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
  }
}
