// Test runner settings: timeouts sized for a busy 2-core machine (heavy tests spawn the CLI and
// worker pools, and the report tests render charts), so a loaded CI box never fails a sound test.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
