// A merged run's manifest entry: `complete` with its own timings when a shard stored it soundly, else
// what its shard said of it (`failed` with the error), else `missing` (its shard never ran or was killed).

import type { Manifest, ManifestRun } from '../output/manifest.js';
import type { RunSpec } from '../scenario/runList.js';
import type { ResultStore } from '../output/resultFiles.js';

export function mergedRunStatus(store: ResultStore, run: RunSpec, shards: Manifest[], finished: Set<string>): ManifestRun {
  const base = { run_id: run.runId, point: run.point, ledger: run.ledger, replication: run.replication, seed: run.seed };
  if (finished.has(run.runId)) {
    const stored = store.get(run);
    return { ...base, status: 'complete', wall_s: stored.wallSeconds, events_per_s: stored.eventsPerSecond };
  }
  const failed = shards.flatMap((m) => m.runs).find((r) => r.run_id === run.runId && r.status === 'failed');
  return failed ? { ...base, status: 'failed', wall_s: failed.wall_s, error: failed.error } : { ...base, status: 'missing' };
}
