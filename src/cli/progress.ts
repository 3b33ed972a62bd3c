// Progress of `dv2g run` on stderr: a bar on an interactive terminal (runs, events/s, ETA, and where
// the running runs stand), plain periodic lines otherwise (CI, pipes), nothing with --quiet.

import cliProgress from 'cli-progress';
import type { Progress } from '../runner/runScenario.js';
import type { RunProgress } from '../runner/executeRun.js';

const LINE_EVERY_SECONDS = 10;

export type ProgressReporter = { update(p: Progress): void; stop(): void };

export function progressReporter(mode: 'quiet' | 'auto'): ProgressReporter {
  if (mode === 'quiet') return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: ' {bar} {value}/{total} runs | {rate} events/s | ETA {eta_formatted}{running}', hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.total, p.done, { rate: '-', running: '' }), (started = true);
        bar.update(p.done, { rate: rate(p), running: stageText(p) });
      },
      stop: () => started && bar.stop(),
    };
  }
  const lines = plainLines();
  return {
    update(p) {
      if (lines.due(p)) process.stderr.write(`dv2g: ${p.done}/${p.total} runs${p.failed ? ` (${p.failed} failed)` : ''}, ${rate(p)} events/s, ${p.elapsedSeconds.toFixed(1)} s${stageText(p)}\n`);
    },
    stop() {},
  };
}

/**
 * When a plain progress line is due: the first, then one every LINE_EVERY_SECONDS, the last (every run done, then the
 * result files), and, in a scenario of one run, each change of its stage (a national run spends seconds building its
 * world and storing its results). Each running run tells its progress about once a second, and a sweep's runs each
 * change stage three times, so more lines than these would fill a CI log.
 */
export function plainLines(): { due(p: Progress): boolean } {
  let lastLine = -Infinity;
  let lastStage = '';
  return {
    due(p) {
      const stage = p.total === 1 ? p.running.map((r) => stageOf(r)).join() : '';
      const due = lastLine === -Infinity || p.done === p.total || p.assembling === true || p.elapsedSeconds - lastLine >= LINE_EVERY_SECONDS || stage !== lastStage;
      if (due) (lastLine = p.elapsedSeconds), (lastStage = stage);
      return due;
    },
  };
}

/** A running run's stage as the line names it: once its last step is simulated it is storing its results. */
function stageOf(r: RunProgress): RunProgress['stage'] {
  return r.stage === 'simulating' && r.simSeconds >= r.durationSeconds ? 'storing' : r.stage;
}

function rate(p: Progress): string {
  return p.elapsedSeconds > 0 ? Math.round(p.events / p.elapsedSeconds).toLocaleString('en-US') : '-';
}

/** What the line adds after the counts: the running runs, or that the result files are being written. */
export function stageText(p: Progress): string {
  return p.assembling ? ' | writing the result files' : runningText(p.running);
}

/** Running runs shown by name; more are counted. */
const RUNS_SHOWN = 2;

/**
 * ` | r0007 45% of 24h simulated, 1.2M events/s, ETA 30s` for each running run shown; '' when none is under way.
 * Its events/s and ETA count from the run's first progress (`since`): a national run spends seconds building its
 * world before its first window, which would otherwise put its ETA at minutes for a run that takes seconds. Before
 * that the run is `building its world`; once simulated (its rows formatted, its files written) `storing its results`.
 */
export function runningText(running: RunProgress[]): string {
  const shown = running.slice(0, RUNS_SHOWN).map((r) => {
    const stage = stageOf(r);
    if (stage === 'building') return ` | ${r.runId} building its world`;
    if (stage === 'storing') return ` | ${r.runId} ${hours(r.durationSeconds)} simulated, storing its results`;
    const share = r.simSeconds / r.durationSeconds;
    const wall = r.wallSeconds - r.since.wallSeconds;
    const simulated = r.simSeconds - r.since.simSeconds;
    const speed = wall > 0 ? compact((r.events - r.since.events) / wall) : '-';
    const eta = simulated > 0 && wall > 0 ? `ETA ${Math.round((wall * (r.durationSeconds - r.simSeconds)) / simulated)}s` : 'ETA -';
    return ` | ${r.runId} ${Math.floor(share * 100)}% of ${hours(r.durationSeconds)} simulated, ${speed} events/s, ${eta}`;
  });
  return shown.join('') + (running.length > RUNS_SHOWN ? ` | +${running.length - RUNS_SHOWN} running` : '');
}

function hours(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds)}s`;
}

function compact(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(0);
}
