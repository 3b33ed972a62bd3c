// Merges results directories of --shard runs of one scenario: checks they share the scenario hash,
// checks every stored run they hold, and writes the CSV files and manifest as one uninterrupted run
// would, into an --out that is none of the shards (nor inside or around one).

import { existsSync, realpathSync } from 'node:fs';
import { dirname, basename, join, relative, resolve, isAbsolute } from 'node:path';
import { parseScenario } from '../scenario/load.js';
import { buildRunList } from '../scenario/runList.js';
import { ScenarioError } from '../scenario/problems.js';
import { dv2gVersion, environment, readManifest, writeManifest, type Manifest } from '../output/manifest.js';
import { resultStore, writeResultFiles } from '../output/resultFiles.js';
import { copyFileAtomic } from '../io/atomicFile.js';
import { hasStoredRun, SIDE_FILES, storedRunProblem, storePaths, type StoreIdentity } from '../store/runStore.js';
import { missingRuns, type MissingRuns } from './missingRuns.js';
import { mergedRunStatus } from './mergedRunStatus.js';
import { openResultsDir, refuseEmptyOut } from './resultsDir.js';

export interface MergeOptions {
  /** Write into an --out that is not a dv2g results directory. */
  force?: boolean;
  /** Hears one-line notices such as a stale lock taken over. */
  onNotice?(message: string): void;
}

export interface MergeSummary {
  status: Manifest['status'];
  /** Runs merged. */
  runs: number;
  missing: MissingRuns;
  scenarioFile: string;
}

export async function mergeResults(dirs: string[], outDir: string, options: MergeOptions = {}): Promise<MergeSummary> {
  refuseEmptyOut(outDir);
  refuseOverlap(dirs, outDir);
  const manifests = dirs.map((dir) => readManifest(dir));
  const sha = manifests[0].scenario_sha256;
  const strangers = dirs.filter((_, i) => manifests[i].scenario_sha256 !== sha);
  if (strangers.length) {
    throw new ScenarioError(strangers.map((dir) => ({ file: dir, path: '', message: `holds results of a different scenario than ${dirs[0]} (scenario sha256 differs); only shards of one scenario can be merged` })));
  }
  const loaded = parseScenario(JSON.stringify(manifests[0].scenario), manifests[0].scenario_file);
  const runs = buildRunList(loaded.points, loaded.scenario.seed, loaded.scenario.replications);
  const identity: StoreIdentity = { scenarioSha256: sha, dv2gVersion: dv2gVersion() };
  const sources = new Map(runs.flatMap((run) => {
    const source = dirs.find((dir) => hasStoredRun(dir, run.runId));
    return source ? [[run.runId, source] as const] : [];
  }));
  const damaged = runs.flatMap((run) => {
    const source = sources.get(run.runId);
    const problem = source === undefined ? undefined : storedRunProblem(source, run, identity);
    return problem ? [{ file: problem.path, path: '', message: `${problem.reason}; merge refuses it (run that shard again with --resume to replace it)` }] : [];
  });
  if (damaged.length) throw new ScenarioError(damaged);

  const lock = openResultsDir(outDir, { command: 'merge', sha256: sha, force: options.force, onNotice: options.onNotice });
  try {
    for (const run of runs) {
      const source = sources.get(run.runId);
      if (source === undefined) continue;
      const from = storePaths(source, run.runId), to = storePaths(outDir, run.runId);
      for (const side of SIDE_FILES) if (existsSync(from[side])) copyFileAtomic(from[side], to[side]);
      copyFileAtomic(from.json, to.json);
    }
    const store = resultStore(outDir, identity);
    const finishedRuns = runs.filter((r) => store.problem(r) === undefined);
    await writeResultFiles({ outDir, runs: finishedRuns, identity, store, sweptKeys: Object.keys(loaded.points[0].values), transactions: loaded.scenario.outputs.transactions, database: loaded.scenario.outputs.database, blocks: loaded.scenario.outputs.blocks });
    const finished = new Set(finishedRuns.map((r) => r.runId));
    const status = finished.size === runs.length ? 'complete' : 'partial';
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
      runs: runs.map((r) => mergedRunStatus(store, r, manifests, finished)),
    });
    const shardCount = manifests.find((m) => m.shard)?.shard?.count ?? null;
    return { status, runs: finished.size, missing: missingRuns(runs, (id) => finished.has(id), shardCount), scenarioFile: loaded.file };
  } finally {
    lock.release();
  }
}

/** Refuses an output that is one of the inputs, inside one, or holds one (clearing it would lose them). */
function refuseOverlap(dirs: string[], outDir: string): void {
  const out = canonical(outDir);
  const within = (child: string, parent: string) => {
    const path = relative(parent, child);
    return path === '' || (!path.startsWith('..') && !isAbsolute(path));
  };
  const clashes = dirs.filter((dir) => within(out, canonical(dir)) || within(canonical(dir), out));
  if (clashes.length) {
    throw new ScenarioError(clashes.map((dir) => ({ file: '--out', path: '', message: `${outDir} overlaps the input ${dir} (the same directory, inside it or around it); merge into a new directory` })));
  }
}

/** The real absolute path of `path`, resolving symbolic links of whatever part of it exists. */
function canonical(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(canonical(parent), basename(absolute));
}
