// manifest.json: provenance of a results directory (versions, scenario and its hash, seeds,
// workers, shard, times, status, and each run's wall time and events per second).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema.js';
import { writeFileAtomic } from './atomicFile.js';

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

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function dv2gVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

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
  writeFileAtomic(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}
