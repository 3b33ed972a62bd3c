// Energy per transaction against the cost of an attack per hour (log-log), one point per ledger and sweep
// point: a ledger is only cheaper than another where it is not also cheaper to attack.

import { NUMBER_AXIS, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { ledgerColour } from '../ledgerColours.js';
import type { ResultsData } from '../resultsData.js';
import { MEASURES, meanPerPointAndLedger, type CostMeasure } from './costChart.js';

const ATTACK_COST: CostMeasure = {
  field: 'attack_cost_per_hour',
  title: 'attack cost (currency per hour)',
  value: (r) => (typeof r.attack_cost_per_hour === 'number' && Number.isFinite(r.attack_cost_per_hour) ? r.attack_cost_per_hour : null),
};

export function securityChart(data: ResultsData): Chart | null {
  const energy = MEASURES.find((m) => m.field === 'energy_per_tx_kwh');
  if (!energy) return null;
  const energyOf = new Map(meanPerPointAndLedger(data, energy).map((r) => [`${r.point}\u0000${r.ledger}`, r.value]));
  const rows = meanPerPointAndLedger(data, ATTACK_COST).flatMap((r) => {
    const energyPerTx = energyOf.get(`${r.point}\u0000${r.ledger}`);
    if (energyPerTx === undefined || !(energyPerTx > 0) || !(r.value > 0)) return [];
    return [{ ledger: r.ledger, point_label: r.point_label, attack_cost_per_hour: r.value, energy_per_tx_kwh: energyPerTx, runs: r.runs }];
  });
  if (rows.length === 0) return null;
  const axis = NUMBER_AXIS;
  return {
    name: 'energy_vs_attack_cost',
    title: 'Energy per transaction against attack cost',
    description: 'Ledger energy per confirmed transaction against what an attacker spends per hour to hold half of the consensus power (attack_cost_per_hour), one point per ledger and sweep point, mean over replications, both axes logarithmic. Compare energy only between ledgers at similar security.',
    spec: topLevel('Energy per transaction against attack cost', {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT + 60,
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 80, opacity: 0.85 },
      encoding: {
        x: { field: 'attack_cost_per_hour', type: 'quantitative', title: ATTACK_COST.title, scale: { type: 'log' }, axis },
        y: { field: 'energy_per_tx_kwh', type: 'quantitative', title: energy.title, scale: { type: 'log' }, axis },
        color: ledgerColour(data.ledgers),
        shape: { field: 'point_label', type: 'nominal', title: 'sweep point' },
        tooltip: [tip('ledger', 'ledger'), tip('point_label', 'sweep point'), tip('attack_cost_per_hour', ATTACK_COST.title, 'quantitative', NUMBER_FORMAT), tip('energy_per_tx_kwh', energy.title, 'quantitative', NUMBER_FORMAT), tip('runs', 'runs', 'quantitative')],
      },
    }, 'mean over replications; log-log'),
  };
}
