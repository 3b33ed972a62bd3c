// Merges results directories of --shard runs of one scenario: checks they share the scenario hash,
// gathers their run stores, and writes the CSV files and manifest as one uninterrupted run would.

import { copyFileSync, existsSync } from 'node:fs';
import { parseScenario } from '../scenario/load.js';
import { buildRunList } from '../scenario/runList.js';
import { ScenarioError } from '../scenario/problems.js';
import { environment, readManifest, writeManifest, type Manifest } from '../output/manifest.js';
import { writeResultFiles } from '../output/resultFiles.js';
import { hasStoredRun, storePaths } from './runStore.js';
import { manifestRun, prepareOutDir } from './runScenario.js';

export async function mergeResults(dirs: string[], outDir: string): Promise<{ status: Manifest['status']; runs: number }> {
  const manifests = dirs.map((dir) => {
    if (!existsSync(`${dir}/manifest.json`)) throw new ScenarioError([{ file: dir, path: '', message: 'is not a results directory (no manifest.json)' }]);
    return readManifest(dir);
  });
  const sha = manifests[0].scenario_sha256;
  const strangers = dirs.filter((_, i) => manifests[i].scenario_sha256 !== sha);
  if (strangers.length) {
    throw new ScenarioError(strangers.map((dir) => ({ file: dir, path: '', message: `holds results of a different scenario than ${dirs[0]} (scenario sha256 differs); only shards of one scenario can be merged` })));
  }
  const loaded = parseScenario(JSON.stringify(manifests[0].scenario), manifests[0].scenario_file);
  const runs = buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications);
  prepareOutDir(outDir, sha, false);
  for (const run of runs) {
    const source = dirs.find((dir) => hasStoredRun(dir, run.runId));
    if (!source) continue;
    const from = storePaths(source, run.runId), to = storePaths(outDir, run.runId);
    if (existsSync(from.transactions)) copyFileSync(from.transactions, to.transactions);
    if (existsSync(from.blocks)) copyFileSync(from.blocks, to.blocks);
    copyFileSync(from.json, to.json);
  }
  const finished = runs.filter((r) => hasStoredRun(outDir, r.runId));
  await writeResultFiles({ outDir, runs: finished, sweptKeys: Object.keys(loaded.points[0].values), transactions: loaded.scenario.outputs.transactions, blocks: loaded.scenario.outputs.blocks });
  const status = finished.length === runs.length ? 'complete' : 'partial';
  writeManifest(outDir, {
    ...environment(),
    scenario_file: loaded.file,
    scenario_sha256: sha,
    root_seed: loaded.scenario.seed,
    scenario: loaded.scenario,
    workers: Math.max(...manifests.map((m) => m.workers)),
    shard: null,
    started_at: manifests.map((m) => m.started_at).sort()[0],
    ended_at: manifests.map((m) => m.ended_at).sort().at(-1)!,
    status,
    runs: runs.map((r) => manifestRun(outDir, r, undefined)),
  });
  return { status, runs: finished.length };
}
