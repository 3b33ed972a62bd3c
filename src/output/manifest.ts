// manifest.json: provenance of a results directory (versions, scenario and its hash, seeds,
// workers, shard, times, status, and each run's wall time and events per second).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema.js';
import { writeFileAtomic } from '../io/atomicFile.js';
import { IoError } from '../io/ioError.js';
import { ScenarioError } from '../scenario/problems.js';
import { dv2gVersion } from './version.js';
import { PACKAGE_DIR } from '../io/packageDir.js';

export type RunStatus = 'complete' | 'failed' | 'skipped' | 'pending' | 'missing';
export type ResultsStatus = 'complete' | 'partial' | 'interrupted' | 'failed';

export interface ManifestRun {
  run_id: string;
  point: number;
  ledger: string;
  replication: number;
  seed: number;
  status: RunStatus;
  wall_s?: number;
  events_per_s?: number;
  error?: string;
}

export interface Manifest {
  dv2g_version: string;
  git_commit: string | null;
  node_version: string;
  platform: string;
  cpus: number;
  scenario_file: string;
  scenario_sha256: string;
  root_seed: number;
  scenario: Scenario;
  workers: number;
  shard: { index: number; count: number } | null;
  started_at: string;
  ended_at: string;
  status: ResultsStatus;
  runs: ManifestRun[];
}

export { dv2gVersion };

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export function environment(): Pick<Manifest, 'dv2g_version' | 'git_commit' | 'node_version' | 'platform' | 'cpus'> {
  return { dv2g_version: dv2gVersion(), git_commit: gitCommit(), node_version: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length };
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export const MANIFEST_FILE = 'manifest.json';

/** The manifest of a results directory; one that is missing or not a dv2g manifest is a ScenarioError naming it. */
export function readManifest(outDir: string): Manifest {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new ScenarioError([{ file: outDir, path: '', message: `is not a dv2g results directory (no ${MANIFEST_FILE})` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw IoError.from(error, 'read', path);
  }
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw new ScenarioError([{ file: path, path: '', message: `is not a dv2g manifest: ${(error as Error).message.replace(/\s+/g, ' ')}` }]);
  }
  const missing = (['dv2g_version', 'scenario_sha256', 'scenario', 'runs'] as const).filter((key) => manifest === null || typeof manifest !== 'object' || manifest[key] === undefined);
  if (missing.length) throw new ScenarioError([{ file: path, path: missing[0], message: 'is not a dv2g manifest: the key is missing' }]);
  return manifest as Manifest;
}
