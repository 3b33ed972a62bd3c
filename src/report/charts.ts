// Every chart the results support, in the order the report and the notebook show them; charts
// whose data is absent (no market.csv, no sweep, no tips...) are left out.

import type { Chart } from './chart.js';
import type { ResultsData } from './resultsData.js';
import type { OwnerBenefitRun } from './ownerBenefits.js';
import { throughputChart } from './charts/throughputChart.js';
import { latencyChart } from './charts/latencyChart.js';
import { gaugeCharts } from './charts/gaugeCharts.js';
import { marketChart } from './charts/marketChart.js';
import { costChart } from './charts/costChart.js';
import { securityChart } from './charts/securityChart.js';
import { nodeStorageChart } from './charts/nodeStorageChart.js';
import { sweepCharts } from './charts/sweepCharts.js';
import { tipsTheoryChart } from './charts/tipsTheoryChart.js';
import { priceOptimumChart } from './charts/priceOptimumChart.js';
import { marketKindsChart } from './charts/marketKindsChart.js';
import { ownersChart } from './charts/ownersChart.js';
import { capacityChart } from './charts/capacityChart.js';

/** `owners`: evs.csv's net benefits (readOwnerBenefits), empty where there are none. */
export function buildCharts(data: ResultsData, owners: readonly OwnerBenefitRun[]): Chart[] {
  const charts = [throughputChart(data), latencyChart(data), ...gaugeCharts(data), marketChart(data), priceOptimumChart(data), marketKindsChart(data), capacityChart(data), ownersChart(data, owners), costChart(data), securityChart(data), nodeStorageChart(data), tipsTheoryChart(data), ...sweepCharts(data)];
  return charts.filter((c): c is Chart => c !== null);
}
