// How nodes relay a block or transaction, as real ones do: announce it on every link (inv), and each node
// fetches it once from the first peer that announced it (request, then transfer). One hop therefore costs
// three one-way delays plus the transfer time; the bytes are an announcement per link plus one copy per node.

import type { Rng } from '../engine/rng.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { NetworkConfig } from '../scenario/schema.js';

/** One-way messages per hop: the announcement, the request, the transfer. */
export const RELAY_LEGS = 3;

/** The latency and bandwidth of a kind of link (ordinary or backbone). */
export type LinkConfig = Pick<NetworkConfig, 'latency' | 'bandwidth'>;

/** Draws hop delays over one kind of link: RELAY_LEGS x latency (one draw per hop) plus size / bandwidth. */
export class LinkDelay {
  private readonly latency: Sampler;
  private readonly secondsPerByte: number;
  /** The latency is a constant: every hop of a given size takes the same time, and a draw uses no randomness. */
  readonly fixed: boolean;

  constructor(link: LinkConfig, rng: Rng) {
    this.latency = sampler(link.latency, rng);
    this.secondsPerByte = link.bandwidth === 'unlimited' ? 0 : 8 / (link.bandwidth * 1e6);
    this.fixed = link.latency.dist === 'constant';
  }

  /** Delay of relaying `bytes` over one hop: announce, request and transfer. */
  draw(bytes: number): number {
    return RELAY_LEGS * this.latency() + bytes * this.secondsPerByte;
  }
}

/** Bytes sent to relay `payloadBytes` to `copies` nodes over a graph where `announcements` links carry its announcement. */
export function relayBytes(payloadBytes: number, copies: number, announcements: number, announceBytes: number): number {
  return announcements * announceBytes + copies * payloadBytes;
}
