// Creates the scenario's workload: the V2G market (default) or synthetic Poisson traffic.

import type { Scenario } from '../../scenario/schema.js';
import type { Workload, WorkloadContext } from './workload.js';
import { createPoissonWorkload } from './poisson.js';
import { createMarketWorkload } from './market.js';

export function createWorkload(scenario: Scenario, ctx: WorkloadContext): Workload {
  const workload = scenario.workload;
  switch (workload.kind) {
    case 'poisson':
      return createPoissonWorkload(workload, ctx);
    case 'market':
      return createMarketWorkload({ fleet: scenario.fleet, grid: scenario.grid, market: scenario.market, workload, charging: scenario.charging }, ctx);
  }
}
