// The negotiated price against the centralized optimum's shadow price over the day (market.csv),
// averaged over grid agents, days and replications of the first sweep point's first ledger.

import { NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { pointOf, type ResultsData } from '../resultsData.js';

const DAY_S = 86400;

export function priceOptimumChart(data: ResultsData): Chart | null {
  if (!data.market.some((r) => typeof r.optimal_price === 'number')) return null;
  const points = pointOf(data);
  const firstPoint = Math.min(...data.market.map((r) => points.get(String(r.run_id)) ?? 0));
  const firstLedger = data.ledgers.find((l) => data.market.some((r) => r.ledger === l && points.get(String(r.run_id)) === firstPoint));
  const negotiated = `negotiated (${data.manifest.scenario.market?.kind ?? 'market'})`;
  const sums = new Map<string, { series: string; hour: number; sum: number; count: number }>();
  const add = (series: string, hour: number, value: unknown) => {
    if (typeof value !== 'number') return;
    const key = `${series}\u0000${hour}`;
    const bin = sums.get(key) ?? { series, hour, sum: 0, count: 0 };
    bin.sum += value;
    bin.count++;
    sums.set(key, bin);
  };
  for (const row of data.market) {
    if (row.ledger !== firstLedger || points.get(String(row.run_id)) !== firstPoint) continue;
    const hour = (Number(row.t_s) % DAY_S) / 3600;
    add(negotiated, hour, row.price);
    add('day-ahead optimum (shadow price)', hour, row.optimal_price);
  }
  const values = [...sums.values()].map((b) => ({ series: b.series, hour: b.hour, price: b.sum / b.count })).sort((a, b) => a.series.localeCompare(b.series) || a.hour - b.hour);
  const wholeDay = data.manifest.scenario.duration >= DAY_S;
  return {
    name: 'price_optimum',
    title: 'Negotiated price against the optimum',
    description: "Mean price per market interval by time of day: the negotiated price against the shadow price of the centralized day-ahead optimum (the whole horizon, state of charge, reserves) (averaged over grid agents, days and replications, first sweep point). Where the negotiated price sits below the optimum's, the grid's market power withholds V2G energy.",
    spec: topLevel('Negotiated price against the optimum', {
      width: PANEL_WIDTH + 100,
      height: PANEL_HEIGHT,
      data: { values },
      mark: { type: 'line', strokeWidth: 2, point: { size: 14 } },
      encoding: {
        x: { field: 'hour', type: 'quantitative', title: 'time of day (h)', ...(wholeDay ? { scale: { domain: [0, 24] }, axis: { values: [0, 3, 6, 9, 12, 15, 18, 21, 24] } } : {}) },
        y: { field: 'price', type: 'quantitative', title: 'price (currency/kWh)' },
        color: { field: 'series', type: 'nominal', title: null, scale: { domain: [negotiated, 'day-ahead optimum (shadow price)'], range: ['#CC79A7', '#555555'] }, legend: { orient: 'top', symbolStrokeWidth: 2, labelLimit: 400 } },
        strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [negotiated, 'day-ahead optimum (shadow price)'], range: [[1, 0], [6, 3]] } },
        tooltip: [tip('series', 'price'), tip('hour', 'time of day (h)', 'quantitative', NUMBER_FORMAT), tip('price', 'price (currency/kWh)', 'quantitative', NUMBER_FORMAT)],
      },
    }, `ledger ${firstLedger ?? ''} · mean over grid agents, days and replications`),
  };
}
