// What the commands that read a scenario use from src/scenario, gathered in one module so that the
// bundled CLI loads it as one file (dist/bundle/), not one file per import.

export { loadScenario } from '../scenario/load.js';
export { resolveScenarioArgument } from '../scenario/bundled.js';
export { scenarioWarnings } from '../scenario/warnings.js';
export { buildRunList } from '../scenario/runList.js';
export { checkResources, describeEstimate, estimateResources } from '../scenario/estimate.js';
export { stringify as yamlText } from 'yaml';
