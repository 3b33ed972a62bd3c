// Progress of `dv2g run` on stderr: a bar on an interactive terminal (runs, events/s, ETA),
// plain periodic lines otherwise (CI, pipes), nothing with --quiet.

import cliProgress from 'cli-progress';
import type { Progress } from '../runner/runScenario.js';

const LINE_EVERY_SECONDS = 10;

export type ProgressReporter = { update(p: Progress): void; stop(): void };

export function progressReporter(mode: 'quiet' | 'auto'): ProgressReporter {
  if (mode === 'quiet') return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: ' {bar} {value}/{total} runs | {rate} events/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.total, p.done, { rate: '-' }), (started = true);
        bar.update(p.done, { rate: rate(p) });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastLine = -Infinity;
  return {
    update(p) {
      const now = p.elapsedSeconds;
      if (p.done < p.total && now - lastLine < LINE_EVERY_SECONDS && p.done > 0) return;
      lastLine = now;
      process.stderr.write(`dv2g: ${p.done}/${p.total} runs${p.failed ? ` (${p.failed} failed)` : ''}, ${rate(p)} events/s, ${now.toFixed(1)} s\n`);
    },
    stop() {},
  };
}

function rate(p: Progress): string {
  return p.elapsedSeconds > 0 ? Math.round(p.events / p.elapsedSeconds).toLocaleString('en-US') : '-';
}
