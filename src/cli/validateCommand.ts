// `dv2g validate <scenario>`: checks a scenario file; --print shows it resolved (defaults filled in).

import type { CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { loadScenario } from '../scenario/load.js';
import { resolveScenarioArgument } from '../scenario/bundled.js';
import { scenarioWarnings } from '../scenario/warnings.js';
import { buildRunList } from '../scenario/runList.js';
import { withScenarioOptions } from './scenarioOptions.js';
import { EXIT, withScenarioErrors } from './exitCodes.js';

interface ValidateArgs {
  scenario: string;
  print: boolean;
  set: string[];
  seed?: number;
  replications?: number;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <scenario>',
  describe: 'check a scenario file; --print shows the resolved scenario',
  builder: (y) =>
    withScenarioOptions(y)
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml or .json), or the name of a bundled scenario (dv2g scenarios lists them)' })
      .option('print', { type: 'boolean', default: false, describe: 'print the resolved scenario (defaults filled in, durations in seconds)' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const loaded = loadScenario(resolveScenarioArgument(args.scenario), { set: args.set, seed: args.seed, replications: args.replications });
      const { scenario, points } = loaded;
      for (const warning of scenarioWarnings(loaded)) process.stderr.write(`warning: ${warning}\n`);
      if (args.print) {
        process.stdout.write(stringify(scenario));
      } else {
        const runs = buildRunList(points, scenario.seed, scenario.replications).length;
        process.stdout.write(`${args.scenario}: valid; ${points.length} sweep point(s) x ${scenario.ledgers.length} ledger(s) x ${scenario.replications} replication(s) = ${runs} runs\n`);
      }
      return EXIT.ok;
    }),
};
