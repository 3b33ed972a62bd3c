// Test runner settings: timeouts sized for a busy 2-core machine (heavy tests spawn the CLI and
// worker pools, and the report tests render charts), so a loaded CI box never fails a sound test.

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at once even on 2 cores (vitest's default is one fewer than the cores): the heavy
    // files wait on the CLI's child processes, worker threads and files much of the time. The suite
    // took 5 m 33 s on one file at a time and 3 m 41 s on two, on this 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
