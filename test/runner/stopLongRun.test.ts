// A long run that a signal may stop leaves the main thread even with one worker, or as the only run: Ctrl-C and
// SIGTERM then end it at once instead of waiting for it to finish. A short one stays on the main thread.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { executeRuns } from '../../src/runner/pool.js';
import type { RunProgress, RunResult } from '../../src/runner/executeRun.js';
import { tempDir } from './helpers.js';

/** A market day long enough (seconds) that its first simulated window comes well before its end. */
const loaded = parseScenario('name: long-run\nseed: 7\nduration: 1d\nfleet: {size: 50000}\ngrid: {agents: 10}\nledgers: [{kind: pow}]\n', 'long-run.yaml');
const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
const identity = { scenarioSha256: loaded.sha256, dv2gVersion: 'test' };

/** Runs the one task under `workers`, aborting once the run reports `abortAt`; returns what was reported and stored. */
async function runAndAbort(workers: number, offMainThreadWork: number, abortAt: RunProgress['stage']) {
  const outDir = tempDir();
  const controller = new AbortController();
  const results: RunResult[] = [];
  const stages: RunProgress['stage'][] = [];
  await executeRuns([{ scenario: loaded.points[0].scenario, run, outDir, identity }], {
    workers,
    signal: controller.signal,
    offMainThreadWork,
    onResult: (result) => results.push(result),
    onRunProgress: (progress) => {
      stages.push(progress.stage);
      if (progress.stage === abortAt) controller.abort();
    },
  });
  const store = join(outDir, '.runs');
  const stored = existsSync(store) ? readdirSync(store).filter((f) => f.endsWith('.json')) : [];
  return { results, stages, stored };
}

describe('stopping a long run', () => {
  it.each([1, 2])('with %i worker(s), ends the run in the middle of its simulation when the signal aborts', async (workers) => {
    const { results, stages, stored } = await runAndAbort(workers, 0, 'simulating');
    expect(stages).toContain('simulating');
    // It never reached its end: no result, nothing stored, no stage after the abort.
    expect(stages).not.toContain('storing');
    expect(results).toEqual([]);
    expect(stored).toEqual([]);
  }, 120_000);

  it('keeps a run below the threshold on the main thread, where it finishes whatever the signal', async () => {
    const { results, stages, stored } = await runAndAbort(1, Number.POSITIVE_INFINITY, 'building');
    expect(stages.at(-1)).toBe('storing');
    expect(results).toMatchObject([{ runId: run.runId, ok: true }]);
    expect(stored).toEqual([`${run.runId}.json`]);
  }, 120_000);
});
