// A partition thread starts before its spec is sent (so that its start overlaps the fleet's draw); one whose
// module cannot load (a missing or broken build), or whose partition cannot be built from its spec, ends the
// split run at once with why, instead of leaving the blocked main thread waiting out its stall limit.

import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { RemotePartition } from '../../src/runner/split/remotePartition.js';
import type { PartitionSpec, WindowStep } from '../../src/runner/split/partition.js';

const STEP: WindowStep = { fees: {}, end: 900, last: false };

describe('a partition thread', () => {
  it('whose module cannot load answers the first window with the error', () => {
    const missing = pathToFileURL(join(tmpdir(), 'dv2g-no-such-module', 'partitionWorker.js'));
    const partition = new RemotePartition(1, 2, missing);
    try {
      expect(() => partition.receive()).toThrow(/partition 1 of 2 of a split run failed at window 0: its module did not load: .*ERR_MODULE_NOT_FOUND.*dv2g-no-such-module/s);
    } finally {
      partition.close();
    }
  });

  it('sent a window before its spec answers that it was not built', () => {
    const partition = new RemotePartition(0, 3);
    try {
      partition.send(STEP);
      expect(() => partition.receive()).toThrow(/partition 0 of 3 of a split run failed at window 0: partition not built/);
    } finally {
      partition.close();
    }
  }, 60_000);

  it('whose spec cannot be built answers each window with why', () => {
    const partition = new RemotePartition(2, 3);
    try {
      partition.build({ scenario: { workload: { kind: 'poisson' } }, index: 2, count: 3 } as unknown as PartitionSpec);
      partition.send(STEP);
      expect(() => partition.receive()).toThrow(/partition 2 of 3 of a split run failed at window 0: Error: only a market run can be split/);
    } finally {
      partition.close();
    }
  }, 60_000);
});
