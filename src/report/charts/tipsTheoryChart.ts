// Tangle tips against Popov's theory: the time-averaged number of tips of each tangle run against
// 2 lambda h (lambda the offered rate, h the mean visibility delay), with the line where they agree.
// The theory holds for urts with k = 2 once lambda h is large, so only such runs are drawn (a swept
// tipSelection or approvals counts per run).

import { NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { ledgerColour } from '../ledgerColours.js';
import { measuredSeconds, type ResultsData, type Row } from '../resultsData.js';

/** A tangle setting of a run: its swept value (by index or label) where swept, else the scenario's. */
function settingOf(data: ResultsData, run: Row, key: string): unknown {
  const index = data.manifest.scenario.ledgers.findIndex((l) => (l.label ?? l.kind) === run.ledger);
  for (const column of [`ledgers[${index}].${key}`, `ledgers[${String(run.ledger)}].${key}`]) if (run[column] !== undefined && run[column] !== null) return run[column];
  return data.manifest.scenario.ledgers[index]?.[key];
}

export function tipsTheoryChart(data: ResultsData): Chart | null {
  const rows = data.runs.flatMap((run) => {
    const { tips_mean: tips, delay_mean_s: h, tx_submitted: submitted } = run;
    if (settingOf(data, run, 'tipSelection') !== 'urts' || Number(settingOf(data, run, 'approvals') ?? 2) !== 2) return [];
    if (typeof tips !== 'number' || typeof h !== 'number' || typeof submitted !== 'number') return [];
    const lambda = submitted / measuredSeconds(data, run);
    return [{ ledger: String(run.ledger), run_id: String(run.run_id), point_label: data.pointLabels.get(Number(run.point)) ?? '', theory: 2 * lambda * h, tips, lambda, h }];
  });
  if (rows.length === 0) return null;
  const high = Math.max(...rows.flatMap((r) => [r.theory, r.tips]));
  return {
    name: 'tips_theory',
    title: 'Tangle tips against 2 lambda h',
    description: "Time-averaged tips after warm-up of each tangle run with urts tip selection and k = 2 (where the theory applies) against Popov's 2 lambda h (offered rate times mean visibility delay); on the dashed line they agree, as they should once lambda h is large.",
    spec: topLevel('Tangle tips against 2 λ h', {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT + 60,
      layer: [
        {
          data: { values: [{ v: 0 }, { v: high }] },
          mark: { type: 'line', strokeDash: [6, 4], color: '#888888' },
          encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 70, opacity: 0.85 },
          encoding: {
            x: { field: 'theory', type: 'quantitative', title: '2 λ h (offered tx/s × mean delay s)' },
            y: { field: 'tips', type: 'quantitative', title: 'mean tips after warm-up' },
            color: ledgerColour(data.ledgers, rows),
            tooltip: [tip('run_id', 'run'), tip('point_label', 'sweep point'), tip('lambda', 'λ (tx/s)', 'quantitative', NUMBER_FORMAT), tip('h', 'h (s)', 'quantitative', NUMBER_FORMAT), tip('theory', '2 λ h', 'quantitative', NUMBER_FORMAT), tip('tips', 'mean tips', 'quantitative', NUMBER_FORMAT)],
          },
        },
      ],
    }, 'Popov: the mean number of tips settles near 2 λ h (urts, k = 2)'),
  };
}
