// The README's Slurm recipe on a real single-node Slurm: a job array of shards with one task killed,
// a merge that runs after any outcome and names what is missing, the task rerun as the README says,
// and merged CSVs byte-identical to one run's. Needs slurmctld, slurmd and munge (.ci/run installs them).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvSnapshot, tempDir } from '../runner/helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const LOCAL_SLURM = join(ROOT, 'scripts/cluster/local-slurm.sh');
const TOOLS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel'];
const missingTools = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);

if (missingTools.length && process.env.CI) {
  throw new Error(`the Slurm test needs ${missingTools.join(', ')}; .ci/run installs Debian's slurmctld, slurmd, munge and slurm-client`);
}
if (missingTools.length) console.warn(`skipping the Slurm recipe test: ${missingTools.join(', ')} not installed (apt-get install slurmctld slurmd munge slurm-client)`);

/** 12 runs (2 rates x 3 ledgers x 2 replications), each long enough for a task to be killed mid-shard. */
const SCENARIO = `
name: slurm-recipe
seed: 5
duration: 2h
warmup: 5m
replications: 2
workload: {kind: poisson, rate: 20}
network: {nodes: 30, degree: 4, latency: 200ms}
ledgers:
  - {kind: tangle, tipSelection: mcmc, confirmationWeight: 5}
  - {kind: pow, blockInterval: 60s, miners: 4}
  - {kind: lightchain, blockInterval: 10s}
sweep: {params: {workload.rate: [20, 40]}}
`;

describe.skipIf(missingTools.length > 0)('the README Slurm recipe on a real Slurm', () => {
  const dir = tempDir('dv2g-slurm-');
  const out = join(dir, 'results');
  const logs = join(dir, 'logs');
  let env: NodeJS.ProcessEnv;

  const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' }).trim();
  const sbatch = (args: string[]) => sh('sbatch', ['--parsable', ...args]).split(';')[0];
  /** Waits until no job of `id` is queued or running (scheduler polls can take a few seconds). */
  const waitFor = async (id: string) => {
    for (let i = 0; i < 1200 && sh('squeue', ['-h', '-j', id]) !== ''; i++) await sleep(250);
  };
  const exitCode = (id: string) => /ExitCode=(\d+):/.exec(sh('scontrol', ['show', 'job', id]))?.[1];

  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(logs);
    writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
    const started = execFileSync(LOCAL_SLURM, ['start', join(dir, 'slurm')], { encoding: 'utf8' });
    env = { ...process.env, SLURM_CONF: /SLURM_CONF=(.*)/.exec(started)![1], SCENARIO: join(dir, 'scenario.yaml'), OUT: out, SHARDS: '3' };
  });
  afterAll(() => {
    execFileSync(LOCAL_SLURM, ['stop', join(dir, 'slurm')]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives a killed task: merge names it, a rerun completes it, CSVs equal a single run', async () => {
    const array = sbatch(['--array=1-3', `--output=${logs}/shard-%a.log`, 'scripts/cluster/slurm-array.sh']);
    const firstMerge = sbatch([`--dependency=afterany:${array}`, `--output=${logs}/merge-1.log`, 'scripts/cluster/slurm-merge.sh']);

    // Kill task 2 once, after it has started writing its shard.
    for (let i = 0; i < 1200 && !existsSync(join(out, 'shard-2', 'manifest.json')); i++) await sleep(100);
    sh('scancel', [`${array}_2`]);
    await waitFor(array);
    await waitFor(firstMerge);
    expect(exitCode(firstMerge)).toBe('1');
    const mergeLog = readFileSync(join(logs, 'merge-1.log'), 'utf8');
    expect(mergeLog).toMatch(/missing \d+ of 12 runs/);
    expect(mergeLog).toContain('shard 2/3');
    expect(mergeLog).toContain('sbatch --array=2 ');

    // The README's rerun: just the missing task, then the merge again.
    const rerun = sbatch(['--array=2', `--output=${logs}/shard-2-rerun.log`, 'scripts/cluster/slurm-array.sh']);
    const secondMerge = sbatch([`--dependency=afterany:${rerun}`, `--output=${logs}/merge-2.log`, 'scripts/cluster/slurm-merge.sh']);
    await waitFor(rerun);
    await waitFor(secondMerge);
    expect(exitCode(rerun)).toBe('0');
    expect(exitCode(secondMerge), readFileSync(join(logs, 'merge-2.log'), 'utf8')).toBe('0');

    const single = join(dir, 'single');
    execFileSync('node', ['bin/dv2g.js', 'run', env.SCENARIO!, '--out', single, '--workers', '1', '--no-report', '--quiet'], { cwd: ROOT });
    const merged = csvSnapshot(join(out, 'merged'));
    expect(merged['runs.csv']).toBeTruthy();
    expect(merged).toEqual(csvSnapshot(single));
    const manifest = JSON.parse(readFileSync(join(out, 'merged', 'manifest.json'), 'utf8')) as { status: string; runs: { status: string }[] };
    expect(manifest.status).toBe('complete');
    expect(new Set(manifest.runs.map((r) => r.status))).toEqual(new Set(['complete']));
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('the README cluster recipe', () => {
  it('shows the array script exactly as tested, and the merge line it runs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const indented = (file: string) => readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
    expect(readme).toContain(indented('scripts/cluster/slurm-array.sh'));
    expect(readme).toContain(readFileSync(join(ROOT, 'scripts/cluster/slurm-merge.sh'), 'utf8').trimEnd().split('\n').at(-1));
  });
});
