// Storage and traffic: bytes per transaction (size plus one reference per approval), ledger size over
// time, full-node storage, gossip announced on every link and fetched by every other node once; no fee, no blocks.

import { describe, expect, it } from 'vitest';
import { INSTANT_POW, runTangle } from './harness.js';
import { buildPeerGraph, linkCount } from '../../../src/network/peerGraph.js';
import { RngStreams } from '../../../src/engine/rng.js';

describe('tangle storage and traffic', () => {
  it('counts each revealed transaction as its size plus referenceBytes per approval', () => {
    const { ledger, report } = runTangle({ tipSelection: 'urts', referenceBytes: 40, delay: 1, pow: INSTANT_POW }, { rate: 10, duration: 100 });
    const dag = ledger.dag;
    let expected = 0, revealed = 0;
    for (let x = 1; x < dag.size; x++) {
      if (!dag.isRevealed(x)) continue;
      revealed++;
      expected += 250;
      for (let j = 0; j < dag.approvals; j++) if (dag.parent(x, j) >= 0) expected += 40;
    }
    expect(report.ledgerBytes).toBe(expected);
    expect(report.nodeStorageBytes).toBe(expected);
    // the default network has 100 nodes: each transaction is announced on every link of the run's peer graph
    // (40 bytes) and sent to the 99 others once
    const links = linkCount(buildPeerGraph(100, 'random', 8, new RngStreams(1).stream('ledger.peers')));
    expect(links).toBeGreaterThan(400);
    expect(report.networkBytes).toBe(expected * 99 + revealed * links * 40);
    expect(ledger.gauges().ledgerBytes).toBe(expected);
    expect(report.staleRate).toBeNull();
    expect(report.blockIntervalS).toBeNull();
    expect(ledger.feeFor(250)).toBe(0);
  });

  it('grows the ledger over time and reports the current tip count', () => {
    const { ledger } = runTangle({ tipSelection: 'urts', delay: 1, pow: INSTANT_POW }, { rate: 10, duration: 50 });
    const gauges = ledger.gauges();
    expect(gauges.tips!).toBeGreaterThan(5);
    expect(gauges.tips!).toBeLessThan(60);
    expect(gauges.mempool).toBeNull();
  });
});
