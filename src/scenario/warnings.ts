// Settings that are valid but cannot give an answer, reported as warnings at load time (stderr, not
// an error: a sweep may reach such a value on purpose, and its runs then show the effect): a chain
// ledger whose blocks, after the header, hold no transaction of workload.txSize confirms nothing.

import { ledgerLabel } from './schema.js';
import type { LoadedScenario } from './load.js';
import type { SweepPoint } from './sweep.js';

export function scenarioWarnings(loaded: LoadedScenario): string[] {
  const warnings = new Set<string>();
  for (const point of loaded.points) {
    const { workload, ledgers } = point.scenario;
    ledgers.forEach((ledger, i) => {
      if (!('blockSize' in ledger) || !('headerBytes' in ledger)) return;
      const room = ledger.blockSize - ledger.headerBytes;
      if (room >= workload.txSize) return;
      warnings.add(`${loaded.file}: ledgers[${i}].blockSize: ${ledger.blockSize} bytes less the ${ledger.headerBytes}-byte header leave no room for one transaction of workload.txSize ${workload.txSize} bytes: ledger "${ledgerLabel(ledger)}" will confirm nothing${atSweepPoint(loaded, point)}`);
    });
  }
  return [...warnings];
}

/** ` (at sweep point i: key=value, ...)` where the scenario sweeps, else nothing: where a warning applies. */
export function atSweepPoint(loaded: LoadedScenario, point: SweepPoint): string {
  return loaded.points.length > 1 ? ` (at sweep point ${point.index}: ${Object.entries(point.values).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})` : '';
}
