// The dv2g library API, the same one the CLI uses: load and run scenarios, build results, and call
// the V2G negotiation solvers on instances of your own.

export { loadScenario, parseScenario, type LoadOptions, type LoadedScenario } from './scenario/load.js';
export { ScenarioError, formatProblem, type Problem } from './scenario/problems.js';
export { scenarioSchema, type Scenario, type ScenarioInput, type LedgerConfig } from './scenario/schema.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { buildRunList, runSeed, type RunSpec } from './scenario/runList.js';
export { runScenario, type RunOptions, type RunSummary, type Progress, type Shard } from './runner/runScenario.js';
export { mergeResults } from './runner/merge.js';
export { simulateRun, type RunOutcome } from './runner/simulateRun.js';
export { solveMarket, bestResponse, optimalityGap, MarketWorkspace, type MarketInstance, type MarketKind, type MarketOutcome, type MarketTerms } from './model/market/solve.js';
export type { Ledger, LedgerContext, LedgerFactory, LedgerGauges, LedgerReport } from './ledger/ledger.js';
export { Simulation } from './engine/simulation.js';
export { RngStreams } from './engine/rng.js';
export { sampler, meanOf, type Distribution } from './engine/distributions.js';
