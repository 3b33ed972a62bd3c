// The worker pool is destroyed once, and whoever waits on its destruction (the abort and the pool's own
// end) waits for the same one, until the threads have exited.

import { describe, expect, it } from 'vitest';
import { once } from '../../src/runner/pool.js';

describe('destroying the pool once', () => {
  it('starts the destruction on the first call and makes every later call wait for that same one', async () => {
    let starts = 0;
    let finish!: () => void;
    const destroy = once(() => {
      starts++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = destroy();
    let secondDone = false;
    const second = destroy().then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Still destroying: the second caller has not been let through.
    expect(secondDone).toBe(false);
    expect(starts).toBe(1);
    finish();
    await Promise.all([first, second]);
    expect(secondDone).toBe(true);
    expect(starts).toBe(1);
  });
});
