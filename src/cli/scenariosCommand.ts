// `dv2g scenarios`: lists the bundled scenario files with their one-line descriptions.

import type { CommandModule } from 'yargs';

export const scenariosCommand: CommandModule = {
  command: 'scenarios',
  describe: 'list the bundled scenarios with their descriptions',
  handler: async () => {
    const { bundledScenarios } = await import('../scenario/bundled.js');
    const list = bundledScenarios();
    const width = Math.max(...list.map((s) => s.path.length));
    for (const s of list) process.stdout.write(`${s.path.padEnd(width)}  ${s.description}\n`);
  },
};
