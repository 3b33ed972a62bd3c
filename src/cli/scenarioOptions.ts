// Options shared by commands that load a scenario (--set, --seed, --replications).

import type { Argv } from 'yargs';

export function withScenarioOptions<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value: path.to.key=value (value parsed as YAML); repeatable' })
    .option('seed', { type: 'number', describe: "root seed (overrides the file's seed)" })
    .option('replications', { type: 'number', describe: "replications per sweep point and ledger (overrides the file's)" });
}
