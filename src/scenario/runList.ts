// The run list: every sweep point x ledger x replication, each with a seed derived from the root
// seed and the replication (and, without commonRandomNumbers, the point's values); never from
// positions, so adding replications or sweep values never changes an existing run's seed. The seed
// does not depend on the ledger: every ledger of a replication sees the same world.

import { createHash } from 'node:crypto';
import { ledgerLabel, type LedgerKind } from './schema.js';
import type { SweepPoint } from './sweep.js';

export interface RunSpec {
  runId: string;
  point: number;
  values: Record<string, unknown>;
  ledgerIndex: number;
  ledger: string;
  ledgerKind: LedgerKind;
  replication: number;
  seed: number;
}

export function buildRunList(points: SweepPoint[], rootSeed: number, replications: number): RunSpec[] {
  const runs: RunSpec[] = [];
  for (const point of points) {
    for (let r = 0; r < replications; r++) {
      const seed = runSeed(rootSeed, point.scenario.commonRandomNumbers ? {} : point.values, r);
      point.scenario.ledgers.forEach((ledger, ledgerIndex) => {
        const label = ledgerLabel(ledger);
        runs.push({ runId: `p${point.index}-${label}-r${r}`, point: point.index, values: point.values, ledgerIndex, ledger: label, ledgerKind: ledger.kind, replication: r, seed });
      });
    }
  }
  return runs.sort((a, b) => a.point - b.point || a.ledgerIndex - b.ledgerIndex || a.replication - b.replication);
}

/** A 48-bit seed from the root seed, the swept values (by key, order-independent) and the replication. */
export function runSeed(rootSeed: number, values: Record<string, unknown>, replication: number): number {
  const canonical = JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
  const digest = createHash('sha256').update(`${rootSeed}|${canonical}|${replication}`).digest();
  return digest.readUIntBE(0, 6);
}
