// Network bytes as real nodes send them, on hand-computed tiny graphs: an announcement on every link and one
// copy per node, for transactions and blocks (whole or compact, BIP 152) on chains and for the tangle's gossip.

import { describe, expect, it } from 'vitest';
import { relayBytes } from '../../src/network/relay.js';
import { createPowLedger, type PowLedger } from '../../src/ledger/pow/index.js';
import { powSchema } from '../../src/ledger/pow/schema.js';
import { TangleLedger, tangleSchema } from '../../src/ledger/tangle/index.js';
import { runLedger } from '../ledger/chain/runLedger.js';

// Full graph of 4 nodes: 6 links, 3 nodes to reach. Announcements of 61 bytes (a lone inv): 6 x 61 = 366 bytes.
const network = { nodes: 4, topology: 'full' as const, latency: 0.1, announceBytes: 61 };

function runPow(compactBlocks: boolean, rate: number) {
  const config = powSchema.parse({ kind: 'pow', blockInterval: 60, miners: 2, compactBlocks });
  return runLedger((ctx) => createPowLedger(config, ctx), { duration: 3600, rate, network, seed: 9 });
}

describe('relay bytes', () => {
  it('adds an announcement per link to one copy per node', () => {
    expect(relayBytes(250, 3, 6, 61)).toBe(1116);
  });

  it('sends an empty block as 6 announcements and 3 headers: 606 bytes', () => {
    const { ledger, report } = runPow(true, 0);
    const blocks = (ledger as PowLedger).chain.blocksFound;
    expect(blocks).toBeGreaterThan(30);
    expect(report.networkBytes).toBe(blocks * 606);
  });

  it('gossips each 250-byte transaction for 1,116 bytes and adds 3 x 6 bytes per transaction in a compact block', () => {
    const { ledger, report, txLog } = runPow(true, 0.5);
    const { store } = (ledger as PowLedger).chain.inspect();
    let inBlocks = 0;
    for (let b = 1; b < store.count; b++) inBlocks += store.txCount[b];
    expect(inBlocks).toBeGreaterThan(1000);
    const blocks = store.count - 1;
    expect(report.networkBytes).toBe(txLog.count * 1116 + blocks * 606 + inBlocks * 18);
  });

  it('sends whole blocks without compact blocks: 3 x 250 bytes per transaction in a block', () => {
    const { ledger, report, txLog } = runPow(false, 0.5);
    const { store } = (ledger as PowLedger).chain.inspect();
    let inBlocks = 0;
    for (let b = 1; b < store.count; b++) inBlocks += store.txCount[b];
    expect(report.networkBytes).toBe(txLog.count * 1116 + (store.count - 1) * 606 + inBlocks * 750);
  });

  it('gossips each tangle transaction over 10 links of a full 5-node graph and to 4 nodes once', () => {
    const config = tangleSchema.parse({ kind: 'tangle', tipSelection: 'urts', pow: { hashRate: 1e15 } });
    const { report, txLog } = runLedger((ctx) => new TangleLedger(config, ctx), { duration: 600, rate: 2, network: { nodes: 5, topology: 'full', latency: 0.1, announceBytes: 61 } });
    const announcements = (report.networkBytes - 4 * report.ledgerBytes) / (10 * 61);
    expect(Number.isInteger(announcements)).toBe(true);
    expect(announcements).toBeLessThanOrEqual(txLog.count);
    expect(announcements).toBeGreaterThan(txLog.count - 5);
  });
});
