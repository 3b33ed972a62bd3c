// LightChain against PoW as Liu et al. (IEEE TII 2019) compare them (scenarios/lightchain-paper.yaml): what
// docs/ledger-lightchain.md concludes from that run holds. Node storage and the bytes relayed per block fall
// about as the paper says; block time falls with the easier light proof; total hashing does not fall (every
// producer searches until a round ends on both chains, so both burn producers x hash rate x time).

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../../src/scenario/load.js';
import { SCENARIOS_DIR } from '../../../src/scenario/bundled.js';
import { simulateRun } from '../../../src/runner/simulateRun.js';
import { buildRunList } from '../../../src/scenario/runList.js';

describe("LightChain against PoW on the paper's comparison", () => {
  it('cuts storage and per-block relay, shortens blocks, and leaves total hashing where PoW has it', () => {
    // The three runs `dv2g run scenarios/lightchain-paper.yaml` makes, with the same seed.
    const loaded = loadScenario(join(SCENARIOS_DIR, 'lightchain-paper.yaml'));
    const runs = buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications);
    const metrics = Object.fromEntries(runs.map((run) => [run.ledger, simulateRun(loaded.points[0].scenario, run).metrics]));
    const whole = metrics['pow-whole-blocks'];
    const light = metrics.lightchain;
    const hashes = (m: typeof whole) => (m.hashes_per_tx as number) * (m.tx_confirmed as number);
    // Every producer hashes all day on both: 100 devices x 1e6 H/s x 86,400 s.
    expect(hashes(whole) / 8.64e12).toBeCloseTo(1, 2);
    expect(Math.abs(hashes(light) / hashes(whole) - 1)).toBeLessThan(0.03);
    // Block time: 2^30 / 1e8 = 10.7 s of light proofs against 15 s PoW blocks (stale blocks aside).
    expect((light.block_interval_s as number) / (whole.block_interval_s as number)).toBeGreaterThan(0.66);
    expect((light.block_interval_s as number) / (whole.block_interval_s as number)).toBeLessThan(0.78);
    // Storage: offloaded block bodies (paper: down 43%; here down about 95%).
    expect((light.node_storage_bytes as number) / (whole.node_storage_bytes as number)).toBeLessThan(0.1);
    // Relay per block: a LightBlock of ids against a whole block (paper: down 90.55%).
    const perBlock = (light.block_network_bytes_per_block as number) / (whole.block_network_bytes_per_block as number);
    expect(perBlock).toBeGreaterThan(0.08);
    expect(perBlock).toBeLessThan(0.12);
    // The same transactions on both.
    expect(light.tx_submitted).toBe(whole.tx_submitted);
  }, 120_000);
});
