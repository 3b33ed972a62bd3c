// Runs benchmark workloads, each in a child process of its own (so its peak memory is its own),
// repeated and summarised by the median of each figure.

import { spawn } from 'node:child_process';
import { median } from 'simple-statistics';
import type { CalibratedMeasurement } from './measure.js';
import { loaderFlags, projectModule } from '../runner/sourceMode.js';

export interface WorkloadResult extends CalibratedMeasurement {
  name: string;
  repeats: number;
}

export interface BenchOptions {
  quick: boolean;
  repeat: number;
  only?: string[];
  onProgress?(message: string): void;
}

/** One child-process execution of a workload: its calibration, measurement and peak resident memory. */
async function runOnce(name: string, quick: boolean): Promise<CalibratedMeasurement> {
  const args = [...loaderFlags(), projectModule('bench/child').pathname, name, quick ? 'quick' : 'full'];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench workload ${name} exited with code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

export async function runBench(names: string[], options: BenchOptions): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const name of names) {
    const runs: CalibratedMeasurement[] = [];
    for (let i = 0; i < options.repeat; i++) {
      options.onProgress?.(`bench: ${name} (${i + 1}/${options.repeat})`);
      runs.push(await runOnce(name, options.quick));
    }
    const first = runs[0];
    results.push({
      ...first,
      name,
      speed: median(runs.map((r) => r.speed)),
      calibration: median(runs.map((r) => r.calibration)),
      relative: median(runs.map((r) => r.relative)),
      ratio: first.ratio === undefined ? undefined : median(runs.map((r) => r.ratio!)),
      wallSeconds: median(runs.map((r) => r.wallSeconds)),
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      repeats: runs.length,
    });
  }
  return results;
}
