// report.html: one self-contained page (Vega inlined, every chart pre-compiled to Vega, no
// network request, a Content-Security-Policy that forbids any) with interactive charts and
// tooltips, the headline table, the scenario as YAML and its provenance. Every text taken from
// the results is HTML-escaped; JSON inside <script> has `<` escaped.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Chart } from './chart.js';
import { escapeHtml, jsonForScript } from './escape.js';
import type { ResultsData } from './resultsData.js';
import { INTERVAL_SEPARATOR, provenance, summaryTable, type Table } from './summaryTable.js';
import { toVega } from './render.js';

const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:";

/** Vega's browser build, made safe to inline (no `</script` can close the element early). */
function vegaLibrary(): string {
  const moduleEntry = createRequire(import.meta.url).resolve('vega');
  return readFileSync(join(dirname(moduleEntry), 'vega.min.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
}

export function reportPage(data: ResultsData, charts: Chart[]): string {
  const scenario = data.manifest.scenario;
  const title = `dv2g report: ${scenario.name}`;
  const compiled = charts.map((c) => ({ id: `chart-${c.name}`, spec: toVega(c.spec) }));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${scenario.description ? `<p class="description">${escapeHtml(scenario.description)}</p>` : ''}
<p class="meta">status <b>${escapeHtml(data.manifest.status)}</b> · ${data.manifest.runs.length} runs · ledgers: ${data.ledgers.map(escapeHtml).join(', ')}${data.sweptKeys.length ? ` · swept: ${data.sweptKeys.map(escapeHtml).join(', ')}` : ''}</p>
<nav><a href="#summary">Summary</a>${charts.map((c) => ` · <a href="#section-${c.name}">${escapeHtml(c.title)}</a>`).join('')} · <a href="#scenario">Scenario</a> · <a href="#provenance">Provenance</a></nav>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<p>Means over replications with the half-width of their 95% confidence interval (Student t), per sweep point and ledger (aggregate.csv); "any": the ledger ignores that swept key.</p>
${tableHtml(summaryTable(data), 'summary-table')}
</section>
${charts.map(chartSection).join('\n')}
<section id="scenario">
<h2>Scenario</h2>
<pre>${escapeHtml(stringify(scenario, { sortMapEntries: false }))}</pre>
</section>
<section id="provenance">
<h2>Provenance</h2>
${tableHtml({ headers: ['field', 'value'], rows: provenance(data) })}
<details><summary>Runs</summary>
${tableHtml({ headers: ['run', 'point', 'ledger', 'replication', 'seed', 'status', 'wall (s)', 'events/s'], rows: data.manifest.runs.map((r) => [r.run_id, String(r.point), r.ledger, String(r.replication), String(r.seed), r.status, r.wall_s === undefined ? '–' : r.wall_s.toFixed(3), r.events_per_s === undefined ? '–' : Math.round(r.events_per_s).toString()]) })}
</details>
</section>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script>${vegaLibrary()}</script>
<script type="application/json" id="chart-specs">${jsonForScript(compiled)}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}

function chartSection(chart: Chart): string {
  return `<section id="section-${chart.name}" class="chart-section">
<h2>${escapeHtml(chart.title)}</h2>
<p>${escapeHtml(chart.description)}</p>
<div class="chart" id="chart-${chart.name}" data-chart="${chart.name}"></div>
<p class="files">charts/${chart.name}.vl.json · .svg · .png</p>
</section>`;
}

/** A table; cells "mean ± half-width" put the interval on its own line; each cell carries its header for the narrow layout. */
function tableHtml(table: Table, className = ''): string {
  const head = table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const cellHtml = (cell: string): string => {
    const at = cell.indexOf(INTERVAL_SEPARATOR);
    return at < 0 ? escapeHtml(cell) : `${escapeHtml(cell.slice(0, at).trimEnd())}<span class="ci">${escapeHtml(cell.slice(at))}</span>`;
  };
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td data-label="${escapeHtml(table.headers[i] ?? '')}">${cellHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table${className ? ` ${className}` : ''}"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header, main { max-width: 1360px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 8px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.description { font-size: 1.05rem; margin: 0 0 8px; }
.meta, .files { color: #555; font-size: 0.9rem; }
nav { font-size: 0.9rem; line-height: 1.6; }
.chart { background: white; border: 1px solid #e3e3e3; padding: 8px; overflow-x: auto; }
.chart-error { color: #b00020; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; background: white; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: right; white-space: nowrap; }
th { background: #f0f0f0; }
td:first-child, th:first-child { text-align: left; }
.summary-table th { white-space: normal; min-width: 4.5em; vertical-align: bottom; }
.ci { display: block; color: #666; font-size: 0.78rem; }
@media (max-width: 700px) {
  header, main { padding: 0 12px; }
  .summary-table table, .summary-table tbody, .summary-table tr, .summary-table td { display: block; width: 100%; box-sizing: border-box; }
  .summary-table thead { display: none; }
  .summary-table tr { margin-bottom: 10px; border: 1px solid #ddd; }
  .summary-table td { border: none; border-bottom: 1px solid #eee; display: flex; justify-content: space-between; gap: 12px; white-space: normal; text-align: right; }
  .summary-table td::before { content: attr(data-label); font-weight: 600; text-align: left; color: #333; }
  .summary-table .ci { display: inline; margin-left: 4px; }
}
pre { background: white; border: 1px solid #e3e3e3; padding: 12px; overflow-x: auto; font-size: 0.85rem; }
#tooltip { position: fixed; pointer-events: none; background: rgba(255,255,255,0.97); border: 1px solid #999; border-radius: 4px; padding: 6px 8px; font-size: 0.8rem; box-shadow: 0 2px 6px rgba(0,0,0,0.15); z-index: 10; }
#tooltip table { font-size: 0.8rem; }
#tooltip td { border: none; padding: 1px 4px; }
`;

/** Renders every chart with Vega's SVG renderer and a small tooltip handler (text only, never HTML). */
const BOOT = `
(function () {
  var tooltip = document.getElementById('tooltip');
  function showTooltip(handler, event, item, value) {
    if (value === null || value === undefined || value === '') { tooltip.hidden = true; return; }
    while (tooltip.firstChild) tooltip.removeChild(tooltip.firstChild);
    var entries = typeof value === 'object' ? Object.keys(value).map(function (k) { return [k, value[k]]; }) : [['', value]];
    var table = document.createElement('table');
    entries.forEach(function (entry) {
      var row = table.insertRow();
      var key = row.insertCell(); key.textContent = entry[0];
      var cell = row.insertCell(); cell.textContent = String(entry[1]);
    });
    tooltip.appendChild(table);
    tooltip.hidden = false;
    var x = event.clientX + 14, y = event.clientY + 14;
    var box = tooltip.getBoundingClientRect();
    if (x + box.width > window.innerWidth) x = event.clientX - box.width - 14;
    if (y + box.height > window.innerHeight) y = event.clientY - box.height - 14;
    tooltip.style.left = x + 'px';
    tooltip.style.top = y + 'px';
  }
  var charts = JSON.parse(document.getElementById('chart-specs').textContent);
  charts.forEach(function (chart) {
    var container = document.getElementById(chart.id);
    try {
      var view = new vega.View(vega.parse(chart.spec), { renderer: 'svg', container: container, hover: true });
      view.tooltip(showTooltip);
      view.runAsync().catch(function (error) { container.textContent = 'Chart failed: ' + error.message; container.className += ' chart-error'; console.error(error); });
    } catch (error) {
      container.textContent = 'Chart failed: ' + error.message;
      container.className += ' chart-error';
      console.error(error);
    }
  });
})();
`;
