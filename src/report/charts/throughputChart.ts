// Confirmed throughput against offered load, one line per ledger, with the y = x line that a
// ledger keeping up with its load would follow, and 95% intervals when there are replications.

import { isLog, NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, scaleFor, tip, topLevel, type Chart } from '../chart.js';
import type { Json } from '../json.js';
import { ledgerColour, ledgerDash, ledgerShape } from '../ledgerColours.js';
import { measuredSeconds, type ResultsData, type Row } from '../resultsData.js';

const RATE_KEY = 'workload.rate';

export function throughputChart(data: ResultsData): Chart | null {
  const rateSwept = data.sweptKeys.includes(RATE_KEY);
  const rows = data.aggregate.flatMap((row) => {
    const offered = rateSwept && typeof row[RATE_KEY] === 'number' ? row[RATE_KEY] : offeredFromSubmitted(data, row);
    const confirmed = row.throughput_tps_mean;
    if (offered === null || typeof confirmed !== 'number') return [];
    const withInterval = Number(row.n) >= 2 && typeof row.throughput_tps_ci95_low === 'number';
    return [{
      ledger: String(row.ledger),
      point_label: data.pointLabels.get(Number(row.point)) ?? '',
      offered_tps: offered,
      throughput_tps: confirmed,
      ci95_low: withInterval ? row.throughput_tps_ci95_low : null,
      ci95_high: withInterval ? row.throughput_tps_ci95_high : null,
      n: row.n,
    }];
  });
  if (rows.length === 0) return null;
  const offeredValues = rows.map((r) => r.offered_tps);
  const scale = scaleFor([...offeredValues, ...rows.map((r) => r.throughput_tps)]);
  const low = Math.min(...offeredValues), high = Math.max(...offeredValues);
  const reference: Json[] = low === high ? [{ offered_tps: low }] : [{ offered_tps: low }, { offered_tps: high }];
  const x = { field: 'offered_tps', type: 'quantitative', title: 'offered load (tx/s)', scale };
  const y = { field: 'throughput_tps', type: 'quantitative', title: 'confirmed throughput (tx/s)', scale };
  const tooltip = [
    tip('ledger', 'ledger'),
    tip('point_label', 'sweep point'),
    tip('offered_tps', 'offered (tx/s)', 'quantitative', NUMBER_FORMAT),
    tip('throughput_tps', 'confirmed (tx/s)', 'quantitative', NUMBER_FORMAT),
    tip('n', 'replications', 'quantitative'),
  ];
  const hasIntervals = rows.some((r) => r.ci95_low !== null);
  return {
    name: 'throughput',
    title: 'Throughput against offered load',
    description: rateSwept
      ? 'Confirmed transactions per second after warm-up against the swept Poisson rate, one line per ledger; the dashed line is y = x (every offered transaction confirmed).'
      : 'Confirmed transactions per second after warm-up against the submitted rate (tx_submitted / (duration - warmup)), one line per ledger; the dashed line is y = x.',
    spec: topLevel('Throughput against offered load', {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT + 60,
      layer: [
        {
          data: { values: reference },
          mark: { type: 'line', strokeDash: [6, 4], color: '#888888' },
          encoding: { x, y: { field: 'offered_tps', type: 'quantitative', scale } },
        },
        ...(hasIntervals ? [{
          data: { values: rows },
          transform: [{ filter: isLog(scale) ? 'isValid(datum.ci95_low) && datum.ci95_low > 0' : 'isValid(datum.ci95_low)' }],
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x,
            y: { field: 'ci95_low', type: 'quantitative', scale },
            y2: { field: 'ci95_high' },
            color: ledgerColour(data.ledgers, rows),
          },
        }] : []),
        {
          data: { values: rows },
          mark: { type: 'line', point: { filled: false, size: 60, strokeWidth: 1.5 }, strokeWidth: 2 },
          encoding: { x, y, color: ledgerColour(data.ledgers, rows), strokeDash: ledgerDash(data.ledgers, rows), shape: ledgerShape(data.ledgers, rows), order: { field: 'offered_tps', type: 'quantitative' }, tooltip },
        },
      ],
    }, hasIntervals ? 'bars: 95% confidence interval over replications' : undefined),
  };
}

function offeredFromSubmitted(data: ResultsData, row: Row): number | null {
  const submitted = row.tx_submitted_mean;
  const seconds = measuredSeconds(data, row);
  return typeof submitted === 'number' && seconds > 0 ? submitted / seconds : null;
}
