// `dv2g validate <scenario>`: checks a scenario file and estimates its runs' memory (refused, exit 2, when
// it cannot fit, unless --force); --print shows it resolved (defaults filled in).

import type { CommandModule } from 'yargs';
import { requestedWorkers, resolveWorkers, scenarioOverrides, withScenarioOptions, type ScenarioArgs } from './scenarioOptions.js';
import { EXIT, withScenarioErrors } from './exitCodes.js';

interface ValidateArgs extends ScenarioArgs {
  scenario: string;
  print: boolean;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <scenario>',
  describe: 'check a scenario file and estimate its memory; --print shows the resolved scenario',
  builder: (y) =>
    withScenarioOptions(y)
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml or .json), or the name of a bundled scenario (dv2g scenarios lists them)' })
      .option('print', { type: 'boolean', default: false, describe: 'print the resolved scenario (defaults filled in, durations in seconds)' }) as never,
  handler: (args) =>
    withScenarioErrors(async () => {
      const { yamlText, loadScenario, resolveScenarioArgument, scenarioWarnings, buildRunList, checkResources, describeEstimate, estimateResources } = await import('./scenarioTools.js');
      const loaded = loadScenario(resolveScenarioArgument(args.scenario), scenarioOverrides(args));
      const { scenario, points } = loaded;
      for (const warning of scenarioWarnings(loaded)) process.stderr.write(`warning: ${warning}\n`);
      const runs = buildRunList(points, scenario.seed, scenario.replications).length;
      const estimate = estimateResources(loaded, resolveWorkers(requestedWorkers(args), runs));
      checkResources(args.scenario, estimate, args.force);
      if (args.print) {
        process.stdout.write(yamlText(scenario));
      } else {
        process.stdout.write(`${args.scenario}: valid; ${points.length} sweep point(s) x ${scenario.ledgers.length} ledger(s) x ${scenario.replications} replication(s) = ${estimate.runs} runs\n`);
        process.stdout.write(`estimate: ${describeEstimate(estimate)}${estimate.fits ? '' : ' (does not fit; --force given)'}\n`);
      }
      return EXIT.ok;
    }),
};
