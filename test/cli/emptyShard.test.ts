// A shard index beyond the run list runs nothing, says so, and still exits 0 (16 shards of 9 runs).

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers.js';
import { loaderFlags } from '../../src/runner/sourceMode.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

describe('an empty shard', () => {
  it('says it has no runs and how many the run list has', () => {
    const dir = tempDir();
    const file = join(dir, 'two.yaml');
    writeFileSync(file, 'name: two\nduration: 2m\nreplications: 2\nworkload: {kind: poisson, rate: 2}\nnetwork: {nodes: 10}\nledgers: [{kind: tangle, tipSelection: urts, confirmationWeight: 3}]\n');
    const r = spawnSync(process.execPath, [...loaderFlags(), MAIN, 'run', file, '--shard', '3/4', '--out', join(dir, 'out'), '--workers', '1', '--no-report'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('shard 3/4 has no runs: the run list has 2');
  });
});
