// The comparison of two results directories as a self-contained HTML page (no script, no network).

import { escapeHtml } from '../report/escape.js';
import { formatNumber } from '../report/formatNumber.js';
import type { Comparison } from './compareResults.js';

export const COMPARISON_HEADERS = ['ledger', 'point', 'metric', 'mean A', 'mean B', 'B - A', '95% CI', 'n', 'paired'];

/** One row of cells per comparison row, as the terminal table and the page show them. */
export function comparisonCells(comparison: Comparison): string[][] {
  return comparison.rows.map((r) => [
    r.ledger, r.point, r.metric, formatNumber(r.meanA), formatNumber(r.meanB), formatNumber(r.difference.mean),
    r.difference.ci95Low === null ? '–' : `[${formatNumber(r.difference.ci95Low)}, ${formatNumber(r.difference.ci95High)}]`,
    String(r.difference.n), r.difference.paired ? 'yes' : 'no',
  ]);
}

export function comparePage(comparison: Comparison): string {
  const head = COMPARISON_HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = comparisonCells(comparison).map((row, i) => {
    const d = comparison.rows[i].difference;
    const excludesZero = d.ci95Low !== null && d.ci95High !== null && (d.ci95Low > 0 || d.ci95High < 0);
    return `<tr${excludesZero ? ' class="differs"' : ''}>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dv2g compare</title>
<style>
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 16px; color: #1d1d1f; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: right; white-space: nowrap; }
th { background: #f0f0f0; position: sticky; top: 0; }
td:nth-child(-n+3) { text-align: left; }
tr.differs td { background: #fff4d6; }
</style>
</head>
<body>
<h1>dv2g compare</h1>
<p>A: <code>${escapeHtml(comparison.dirA)}</code> · B: <code>${escapeHtml(comparison.dirB)}</code></p>
<p>B - A per ledger, point and metric: the mean difference with its 95% confidence interval; paired (Student t over runs that share seeds) where the runs share seeds, Welch's unpaired interval otherwise. Highlighted rows: the interval excludes zero.</p>
<div class="table"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>
</body>
</html>
`;
}
