// What a merge lacks: the runs of the run list that no shard stored, the shards they belong to
// (round-robin, as --shard slices the list) and the commands that rerun just those shards.

import type { RunSpec } from '../scenario/runList.js';

export interface MissingRuns {
  /** Run ids in run-list order. */
  runs: string[];
  total: number;
  /** 1-based shard indices holding the missing runs, ascending; empty when the inputs were not shards. */
  shards: number[];
  shardCount: number | null;
}

/** The runs of `runs` (the whole run list) that `stored` lacks, and their shards of `shardCount`. */
export function missingRuns(runs: RunSpec[], stored: (runId: string) => boolean, shardCount: number | null): MissingRuns {
  const missing: string[] = [];
  const shards = new Set<number>();
  runs.forEach((run, position) => {
    if (stored(run.runId)) return;
    missing.push(run.runId);
    if (shardCount) shards.add((position % shardCount) + 1);
  });
  return { runs: missing, total: runs.length, shards: [...shards].sort((a, b) => a - b), shardCount };
}

/** Lines telling the user what is missing and how to rerun it (empty when nothing is). */
export function describeMissing(m: MissingRuns, scenarioFile: string): string[] {
  if (m.runs.length === 0) return [];
  const named = m.runs.slice(0, 10).join(', ') + (m.runs.length > 10 ? `, and ${m.runs.length - 10} more` : '');
  const lines = [`missing ${m.runs.length} of ${m.total} runs: ${named}`];
  if (m.shardCount) {
    const list = m.shards.join(',');
    lines.push(`they belong to ${m.shards.map((s) => `shard ${s}/${m.shardCount}`).join(', ')}; rerun just those, then merge again:`);
    lines.push(`  Slurm:     sbatch --array=${list} scripts/cluster/slurm-array.sh`);
    lines.push(`  elsewhere: dv2g run ${scenarioFile} --shard <i>/${m.shardCount} --resume --out <that shard's folder>   (i in ${list})`);
  }
  return lines;
}
