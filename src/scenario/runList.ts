// The run list: every sweep point x ledger x replication, each with a seed derived from the root
// seed and the replication (and, without commonRandomNumbers, the point's values); never from
// positions, so adding replications or sweep values never changes an existing run's seed. The seed
// does not depend on the ledger: every ledger of a replication sees the same world.
// A sweep key naming one ledger (`ledgers[tangle].alpha`) varies that ledger's runs only: the other
// ledgers run once per combination of the remaining keys, and the key never enters a seed.

import { createHash } from 'node:crypto';
import { ledgerLabel, type LedgerKind } from './schema.js';
import type { SweepPoint } from './sweep.js';

export interface RunSpec {
  runId: string;
  point: number;
  /** The swept values that apply to this run's ledger, in SI units (keys naming another ledger are left out). */
  values: Record<string, unknown>;
  /** The sweep points this run stands for: its own, and those differing from it only in keys naming another ledger. */
  covers: number[];
  ledgerIndex: number;
  ledger: string;
  ledgerKind: LedgerKind;
  replication: number;
  seed: number;
}

export function buildRunList(points: SweepPoint[], rootSeed: number, replications: number): RunSpec[] {
  const runs: RunSpec[] = [];
  const covers = coveredPoints(points);
  for (const point of points) {
    const shared = Object.fromEntries(Object.entries(point.values).filter(([key]) => !(key in point.ledgerOf)));
    for (let r = 0; r < replications; r++) {
      const seed = runSeed(rootSeed, point.scenario.commonRandomNumbers ? {} : shared, r);
      point.scenario.ledgers.forEach((ledger, ledgerIndex) => {
        const label = ledgerLabel(ledger);
        const covered = covers.get(`${point.index}|${label}`);
        if (!covered) return;
        const values = Object.fromEntries(Object.entries(point.siValues).filter(([key]) => appliesTo(point, key, label)));
        runs.push({ runId: `p${point.index}-${label}-r${r}`, point: point.index, values, covers: covered, ledgerIndex, ledger: label, ledgerKind: ledger.kind, replication: r, seed });
      });
    }
  }
  return runs.sort((a, b) => a.point - b.point || a.ledgerIndex - b.ledgerIndex || a.replication - b.replication);
}

function appliesTo(point: SweepPoint, key: string, label: string): boolean {
  const owner = point.ledgerOf[key];
  return owner === undefined || owner === label;
}

/** For each (point, ledger) that runs, "index|label" -> the points it stands for; absent where an earlier point stands in. */
function coveredPoints(points: SweepPoint[]): Map<string, number[]> {
  const firstOf = new Map<string, string>();
  const covers = new Map<string, number[]>();
  for (const point of points) {
    for (const ledger of point.scenario.ledgers) {
      const label = ledgerLabel(ledger);
      const relevant = Object.keys(point.values).filter((key) => appliesTo(point, key, label)).sort().map((key) => [key, point.values[key]]);
      const signature = `${label}|${JSON.stringify(relevant)}`;
      const first = firstOf.get(signature) ?? `${point.index}|${label}`;
      firstOf.set(signature, first);
      covers.set(first, [...(covers.get(first) ?? []), point.index]);
    }
  }
  return covers;
}

/** A 48-bit seed from the root seed, the swept values (by key, order-independent) and the replication. */
export function runSeed(rootSeed: number, values: Record<string, unknown>, replication: number): number {
  const canonical = JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
  const digest = createHash('sha256').update(`${rootSeed}|${canonical}|${replication}`).digest();
  return digest.readUIntBE(0, 6);
}
