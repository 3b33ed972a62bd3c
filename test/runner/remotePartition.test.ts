// A partition thread whose module cannot load (a missing or broken build) ends the split run at once
// with the loader's error, instead of leaving the blocked main thread waiting out its stall limit.

import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { RemotePartition } from '../../src/runner/split/remotePartition.js';
import type { PartitionSpec } from '../../src/runner/split/partition.js';

describe('a partition thread that cannot load its module', () => {
  it('answers the first window with the error', () => {
    // The spec is never read: the thread fails before it builds its partition.
    const spec = { index: 1, count: 2 } as PartitionSpec;
    const missing = pathToFileURL(join(tmpdir(), 'dv2g-no-such-module', 'partitionWorker.js'));
    const partition = new RemotePartition(spec, missing);
    try {
      expect(() => partition.receive()).toThrow(/partition 1 of 2 of a split run failed at window 0: its module did not load: .*ERR_MODULE_NOT_FOUND.*dv2g-no-such-module/s);
    } finally {
      partition.close();
    }
  });
});
