// Progress inside a run: executeRun reports that the run builds its world, the simulated time and events reached
// while it simulates, and that it stores its results; the progress line shows each running run's stage, or its
// share, speed and ETA, then that the result files are written.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load.js';
import { buildRunList } from '../../src/scenario/runList.js';
import { executeRun, type RunProgress } from '../../src/runner/executeRun.js';
import { plainLines, runningText, stageText } from '../../src/cli/progress.js';
import { runScenario, type Progress } from '../../src/runner/runScenario.js';
import { tempDir } from './helpers.js';

const loaded = parseScenario('name: progress\nseed: 3\nduration: 2h\nworkload: {kind: poisson, rate: 100}\nledgers: [{kind: tangle, tipSelection: urts}]\n', 'progress.yaml');
const [run] = buildRunList(loaded.points, loaded.scenario.seed, 1);
const identity = { scenarioSha256: loaded.sha256, dv2gVersion: 'test' };

describe('progress inside a run', () => {
  it('reports rising simulated time and events, and the run stores the same results as without it', () => {
    const reports: RunProgress[] = [];
    const withProgress = tempDir();
    const without = tempDir();
    const result = executeRun({ scenario: loaded.points[0].scenario, run, outDir: withProgress, identity }, (p) => reports.push(p), 0);
    executeRun({ scenario: loaded.points[0].scenario, run, outDir: without, identity });
    expect(result.ok).toBe(true);
    // It says first that it builds its world and last that it stores its results; in between it simulates.
    expect(reports[0]).toMatchObject({ stage: 'building', simSeconds: 0, events: 0 });
    expect(reports.at(-1)).toMatchObject({ stage: 'storing', simSeconds: 7200, events: result.events });
    const simulating = reports.slice(1, -1);
    expect(simulating.length).toBeGreaterThan(2);
    expect(simulating.every((p) => p.stage === 'simulating')).toBe(true);
    for (const [i, p] of simulating.entries()) {
      expect(p.runId).toBe(run.runId);
      // Every report counts from the same start, the model's first progress.
      expect(p.since).toEqual(simulating[0].since);
      expect(p.since.wallSeconds).toBeLessThanOrEqual(p.wallSeconds);
      expect(p.since.simSeconds).toBeLessThanOrEqual(p.simSeconds);
      expect(p.durationSeconds).toBe(7200);
      expect(p.simSeconds).toBeLessThanOrEqual(7200);
      if (i > 0) expect(p.events).toBeGreaterThan(simulating[i - 1].events);
      if (i > 0) expect(p.simSeconds).toBeGreaterThanOrEqual(simulating[i - 1].simSeconds);
    }
    expect(simulating.at(-1)!.events).toBeLessThanOrEqual(result.events);
    const payload = (dir: string) => JSON.parse(readFileSync(join(dir, '.runs', `${run.runId}.json`), 'utf8')).payload.metrics;
    expect(payload(withProgress).tx_submitted).toBeGreaterThan(0);
    expect(payload(withProgress)).toEqual(payload(without));
  });

  it('tells the step that ends a market run, however soon after the one before', () => {
    const market = parseScenario('name: progress-market\nseed: 3\nduration: 2h\nfleet: {size: 200}\ngrid: {agents: 2}\nledgers: [{kind: lightchain}]\n', 'market.yaml');
    const [marketRun] = buildRunList(market.points, market.scenario.seed, 1);
    const reports: RunProgress[] = [];
    // An interval no run reaches: only the stages and the step that ends the run are told.
    const result = executeRun({ scenario: market.points[0].scenario, run: marketRun, outDir: tempDir(), identity }, (p) => reports.push(p), 1e9);
    expect(result.ok).toBe(true);
    expect(reports.map((p) => [p.stage, p.simSeconds])).toEqual([['building', 0], ['simulating', 7200], ['storing', 7200]]);
  });

  it('shows a running run as its share of the duration, events/s and ETA, counted from its first progress', () => {
    const start = { simSeconds: 0, events: 0, wallSeconds: 0 };
    const text = runningText([
      { runId: 'r1', stage: 'simulating', simSeconds: 21600, durationSeconds: 86400, events: 2_000_000, wallSeconds: 10, since: start },
      { runId: 'r2', stage: 'simulating', simSeconds: 0, durationSeconds: 3600, events: 0, wallSeconds: 1, since: start },
      { runId: 'r3', stage: 'simulating', simSeconds: 10, durationSeconds: 3600, events: 10, wallSeconds: 1, since: start },
    ]);
    expect(text).toBe(' | r1 25% of 24h simulated, 200k events/s, ETA 30s | r2 0% of 1h simulated, 0 events/s, ETA - | +1 running');
    expect(runningText([])).toBe('');
    // A world that took 4 s to build before its first window (900 s simulated, 50,000 events): the rest of the day
    // goes at the 6 s that 20,700 simulated seconds took since, not at the 10 s of the whole run so far.
    const built = { simSeconds: 900, events: 50_000, wallSeconds: 4 };
    expect(runningText([{ runId: 'r1', stage: 'simulating', simSeconds: 21600, durationSeconds: 86400, events: 2_000_000, wallSeconds: 10, since: built }])).toBe(' | r1 25% of 24h simulated, 325k events/s, ETA 19s');
    // At its first progress nothing has been timed since: no speed and no ETA yet.
    expect(runningText([{ runId: 'r1', stage: 'simulating', simSeconds: 900, durationSeconds: 86400, events: 50_000, wallSeconds: 4, since: built }])).toBe(' | r1 1% of 24h simulated, - events/s, ETA -');
    // Before its first step, and once its last is simulated.
    const before = { simSeconds: 0, events: 0, wallSeconds: 0 };
    expect(runningText([{ runId: 'r1', stage: 'building', simSeconds: 0, durationSeconds: 86400, events: 0, wallSeconds: 0, since: before }])).toBe(' | r1 building its world');
    expect(runningText([{ runId: 'r1', stage: 'simulating', simSeconds: 86400, durationSeconds: 86400, events: 9e6, wallSeconds: 20, since: built }])).toBe(' | r1 24h simulated, storing its results');
    expect(runningText([{ runId: 'r1', stage: 'storing', simSeconds: 86400, durationSeconds: 86400, events: 9e6, wallSeconds: 21, since: built }])).toBe(' | r1 24h simulated, storing its results');
  });

  it('writes a plain line at first, every 10 s, at the end, and at each stage of a scenario of one run', () => {
    const start = { simSeconds: 0, events: 0, wallSeconds: 0 };
    const runAt = (runId: string, stage: RunProgress['stage'], simSeconds: number): RunProgress => ({ runId, stage, simSeconds, durationSeconds: 86400, events: simSeconds, wallSeconds: 0, since: start });
    const at = (elapsedSeconds: number, total: number, done: number, running: RunProgress[], assembling = false): Progress => ({ done, total, failed: 0, events: 0, elapsedSeconds, running, ...(assembling ? { assembling } : {}) });
    const one = plainLines();
    const national = [
      at(0, 1, 0, []),
      at(0.1, 1, 0, [runAt('r0', 'building', 0)]),
      at(5, 1, 0, [runAt('r0', 'simulating', 900)]),
      at(6, 1, 0, [runAt('r0', 'simulating', 9000)]),
      at(15.5, 1, 0, [runAt('r0', 'simulating', 60000)]),
      at(16.5, 1, 0, [runAt('r0', 'simulating', 86400)]),
      at(17.5, 1, 0, [runAt('r0', 'storing', 86400)]),
      at(19, 1, 1, []),
      at(19.1, 1, 1, [], true),
    ];
    expect(national.map((p) => one.due(p))).toEqual([true, true, true, false, true, true, false, true, true]);
    // A sweep's runs come and go and change stage all the time: a line every 10 s, and the last ones.
    const sweep = plainLines();
    const updates = [at(0, 3, 0, [])];
    for (let second = 1; second <= 25; second++) {
      updates.push(at(second, 3, second < 20 ? 0 : 2, [runAt(`r${second % 3}`, second % 2 ? 'building' : 'storing', 86400), runAt('r9', 'simulating', second * 100)]));
    }
    updates.push(at(26, 3, 3, []), at(26.1, 3, 3, [], true));
    expect(updates.flatMap((p, i) => (sweep.due(p) ? [i] : []))).toEqual([0, 10, 20, 26, 27]);
  });

  it('says when the runs are over and the result files are being written, after the last run', async () => {
    const seen: Progress[] = [];
    await runScenario(parseScenario('name: assembling\nseed: 3\nduration: 10m\nreplications: 2\nworkload: {kind: poisson, rate: 5}\nledgers: [{kind: tangle, tipSelection: urts}]\n', 'a.yaml'), { outDir: tempDir(), workers: 1, onProgress: (p) => seen.push({ ...p }) });
    const first = seen.findIndex((p) => p.assembling);
    expect(first).toBeGreaterThan(0);
    expect(seen.slice(0, first).every((p) => !p.assembling)).toBe(true);
    expect(seen[first].done).toBe(2);
    expect(stageText(seen[first])).toBe(' | writing the result files');
    expect(stageText(seen[0])).toBe('');
  });
});
