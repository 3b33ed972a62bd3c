// The owners' side (evs.csv, after Kiaee et al.): the distribution of each EV's net benefit from V2G against
// not taking part, per market kind and sweep point and per ledger (5th-95th and 25th-75th percentiles, median),
// with the share of owners who lose money. Each group's values are sorted as numbers (a typed array's sort).

import { quantileSorted } from 'simple-statistics';
import { NUMBER_FORMAT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { ledgerColour } from '../ledgerColours.js';
import { pointOf, type ResultsData } from '../resultsData.js';
import type { OwnerBenefitRun } from '../ownerBenefits.js';

const KIND_KEY = 'market.kind';

export function ownersChart(data: ResultsData, owners: readonly OwnerBenefitRun[]): Chart | null {
  const points = pointOf(data);
  const kindOf = new Map(data.runs.map((r) => [Number(r.point), String(r[KIND_KEY] ?? data.manifest.scenario.market?.kind ?? 'stackelberg')]));
  const groups = new Map<string, { group: string; ledger: string; runs: Float64Array[] }>();
  for (const { runId, ledger, values } of owners) {
    if (values.length === 0) continue;
    const point = points.get(runId) ?? 0;
    const label = data.pointLabels.get(point) ?? '';
    const group = data.sweptKeys.includes(KIND_KEY) ? label : `${kindOf.get(point)} · ${label}`;
    const key = `${group}\u0000${ledger}`;
    const entry = groups.get(key) ?? { group, ledger, runs: [] };
    entry.runs.push(values);
    groups.set(key, entry);
  }
  if (groups.size === 0) return null;
  const rows = [...groups.values()].map(({ group, ledger, runs }) => {
    const sorted = pooled(runs).sort();
    const q = (p: number) => quantileSorted(sorted as unknown as readonly number[], p);
    return { group, ledger, p5: q(0.05), p25: q(0.25), median: q(0.5), p75: q(0.75), p95: q(0.95), losing: countBelowZero(sorted) / sorted.length, owners: sorted.length };
  });
  const order = [...new Set(rows.map((r) => r.group))];
  const y = { field: 'group', type: 'nominal', title: null, sort: order, axis: { labelLimit: 400 } };
  const yOffset = { field: 'ledger', type: 'nominal', sort: data.ledgers };
  const colour = ledgerColour(data.ledgers, rows);
  const tooltip = [tip('group', 'market kind · sweep point'), tip('ledger', 'ledger'), tip('median', 'median net benefit', 'quantitative', NUMBER_FORMAT), tip('p25', '25th percentile', 'quantitative', NUMBER_FORMAT), tip('p75', '75th percentile', 'quantitative', NUMBER_FORMAT), tip('losing', 'share of owners losing money', 'quantitative', '.1%'), tip('owners', 'owner-runs', 'quantitative')];
  return {
    name: 'owner_benefit',
    title: 'Owners\' net benefit from V2G',
    description: 'Each EV owner\'s net benefit over the run (evs.csv: revenue less battery wear, ledger fees and the cost of recharging what was sold, against not taking part), per market kind and sweep point and per ledger: thin line 5th-95th percentile, bar 25th-75th, tick the median; the tooltip gives the share of owners who lose money. EVs without a session in the run are left out.',
    spec: topLevel('Owners\' net benefit from V2G', {
      width: PANEL_WIDTH + 100,
      height: { step: 14 },
      data: { values: rows },
      encoding: { y, yOffset, color: colour, tooltip },
      layer: [
        { mark: { type: 'rule' }, encoding: { x: { field: 'p5', type: 'quantitative', title: 'net benefit per owner (currency)' }, x2: { field: 'p95' } } },
        { mark: { type: 'bar', height: 8 }, encoding: { x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' } } },
        { mark: { type: 'tick', color: 'black', thickness: 2, size: 10 }, encoding: { x: { field: 'median', type: 'quantitative' } } },
        { mark: { type: 'rule', strokeDash: [4, 3], color: 'grey' }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null, yOffset: null, color: null, tooltip: null } },
      ],
    }, 'percentiles over EVs and replications'),
  };
}

/** The runs' values in one array. */
function pooled(runs: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(runs.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const run of runs) {
    all.set(run, at);
    at += run.length;
  }
  return all;
}

/** How many of the sorted values are below zero (a binary search: they come first). */
function countBelowZero(sorted: Float64Array): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
