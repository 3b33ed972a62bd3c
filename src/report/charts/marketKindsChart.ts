// Market kinds against the day-ahead optimum on the same world (a sweep over market.kind with common
// random numbers): welfare and energy per kind after warm-up beside the optimum's, and each kind's
// price over the day against the optimum's shadow price (first ledger, mean over replications).

import { NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { pointOf, type ResultsData, type Row } from '../resultsData.js';

const KIND_KEY = 'market.kind';
const OPTIMUM = 'day-ahead optimum';
const DAY_S = 86400;

export function marketKindsChart(data: ResultsData): Chart | null {
  if (!data.sweptKeys.includes(KIND_KEY) || data.market.length === 0) return null;
  const points = pointOf(data);
  const kindOfPoint = new Map<number, string>();
  for (const run of data.runs) kindOfPoint.set(Number(run.point), String(run[KIND_KEY]));
  if (new Set(kindOfPoint.values()).size < 2) return null;
  const firstLedger = data.ledgers.find((l) => data.market.some((r) => r.ledger === l));
  const warmup = data.manifest.scenario.warmup;
  const rows = data.market.filter((r) => r.ledger === firstLedger);

  const totals = new Map<string, { welfare: number; energy: number; runs: Set<string> }>();
  const add = (kind: string, run: string, welfare: number, energy: number) => {
    const t = totals.get(kind) ?? { welfare: 0, energy: 0, runs: new Set<string>() };
    t.welfare += welfare;
    t.energy += energy;
    t.runs.add(run);
    totals.set(kind, t);
  };
  const prices = new Map<string, { kind: string; hour: number; sum: number; count: number }>();
  const addPrice = (kind: string, hour: number, price: unknown) => {
    if (typeof price !== 'number') return;
    const key = `${kind}\u0000${hour}`;
    const bin = prices.get(key) ?? { kind, hour, sum: 0, count: 0 };
    bin.sum += price;
    bin.count++;
    prices.set(key, bin);
  };
  const firstPoint = Math.min(...kindOfPoint.keys());
  for (const row of rows) {
    const point = points.get(String(row.run_id));
    if (point === undefined) continue;
    const kind = kindOfPoint.get(point) ?? String(point);
    const hour = (Number(row.t_s) % DAY_S) / 3600;
    addPrice(kind, hour, row.price);
    if (point === firstPoint) addPrice(OPTIMUM, hour, row.optimal_price);
    if (Number(row.t_s) < warmup) continue;
    add(kind, String(row.run_id), num(row, 'social_welfare'), num(row, 'energy_kwh'));
    if (point === firstPoint) add(OPTIMUM, String(row.run_id), num(row, 'optimal_welfare'), num(row, 'optimal_energy_kwh'));
  }
  const kinds = [OPTIMUM, ...[...new Set(kindOfPoint.values())].filter((k) => k !== 'optimal')];
  const bars = kinds.filter((k) => totals.has(k)).map((kind) => {
    const t = totals.get(kind)!;
    return { kind, welfare: t.welfare / t.runs.size, energy_kwh: t.energy / t.runs.size };
  });
  const lines = [...prices.values()].filter((b) => kinds.includes(b.kind)).map((b) => ({ kind: b.kind, hour: b.hour, price: b.sum / b.count })).sort((a, b) => a.kind.localeCompare(b.kind) || a.hour - b.hour);
  const colour = { field: 'kind', type: 'nominal', title: 'market kind', sort: kinds, scale: { domain: kinds, scheme: 'dark2' } };
  const bar = (field: string, title: string) => ({
    width: PANEL_WIDTH / 2,
    height: PANEL_HEIGHT - 40,
    data: { values: bars },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'kind', type: 'nominal', title: null, sort: kinds, axis: { labelAngle: -30 } },
      y: { field, type: 'quantitative', title },
      color: colour,
      tooltip: [tip('kind', 'market kind'), tip(field, title, 'quantitative', NUMBER_FORMAT)],
    },
  });
  const wholeDay = data.manifest.scenario.duration >= DAY_S;
  return {
    name: 'market_kinds',
    title: 'Market kinds against the day-ahead optimum',
    description: "Every market kind on the same world (common random numbers): social welfare and energy traded after warm-up per run, beside the centralized day-ahead optimum's (its energy is what it schedules); below, each kind's mean price by time of day against the optimum's shadow price. The optimum's welfare is the most any kind can reach; its shadow price is what would make the EVs sell it.",
    spec: topLevel('Market kinds against the day-ahead optimum', {
      vconcat: [
        { hconcat: [bar('welfare', 'social welfare per run'), bar('energy_kwh', 'energy traded per run (kWh)')] },
        {
          width: PANEL_WIDTH + 100,
          height: PANEL_HEIGHT - 40,
          data: { values: lines },
          mark: { type: 'line', strokeWidth: 1.8 },
          encoding: {
            x: { field: 'hour', type: 'quantitative', title: 'time of day (h)', ...(wholeDay ? { scale: { domain: [0, 24] }, axis: { values: [0, 3, 6, 9, 12, 15, 18, 21, 24] } } : {}) },
            y: { field: 'price', type: 'quantitative', title: 'price (currency/kWh)' },
            color: colour,
            strokeDash: { condition: { test: `datum.kind === '${OPTIMUM}'`, value: [6, 3] }, value: [1, 0] },
            tooltip: [tip('kind', 'market kind'), tip('hour', 'time of day (h)', 'quantitative', NUMBER_FORMAT), tip('price', 'price (currency/kWh)', 'quantitative', NUMBER_FORMAT)],
          },
        },
      ],
    }, `ledger ${firstLedger ?? ''} · mean over replications`),
  };
}

function num(row: Row, column: string): number {
  const v = row[column];
  return typeof v === 'number' ? v : 0;
}
