// Market outcome over the day per grid agent (market.csv): the negotiated price and the energy
// traded, averaged over days and replications of the first sweep point's first ledger.

import { NUMBER_FORMAT, PANEL_HEIGHT, PANEL_WIDTH, tip, topLevel, type Chart } from '../chart.js';
import { pointOf, type ResultsData, type Row } from '../resultsData.js';

/** Beyond this many agents, one line for all agents (energy-weighted price, total energy) reads better. */
const MAX_AGENT_LINES = 10;
const DAY_S = 86400;

interface Bin {
  agent: string;
  hour: number;
  priceSum: number;
  priceCount: number;
  energySum: number;
  weightedPrice: number;
  samples: Set<string>;
}

export function marketChart(data: ResultsData): Chart | null {
  if (data.market.length === 0) return null;
  const points = pointOf(data);
  const firstPoint = Math.min(...data.market.map((r) => points.get(String(r.run_id)) ?? 0));
  const firstLedger = data.ledgers.find((l) => data.market.some((r) => r.ledger === l && points.get(String(r.run_id)) === firstPoint));
  const rows = data.market.filter((r) => r.ledger === firstLedger && points.get(String(r.run_id)) === firstPoint);
  const agents = new Set(rows.map((r) => Number(r.agent)));
  const perAgent = agents.size <= MAX_AGENT_LINES;
  const values = binByHour(rows, perAgent);
  const agentOrder = [...new Set(values.map((v) => v.agent))];
  const colour = { field: 'agent', type: 'nominal', title: 'grid agent', sort: agentOrder, scale: { scheme: 'tableau10' } };
  const wholeDay = data.manifest.scenario.duration >= DAY_S;
  const x = { field: 'hour', type: 'quantitative', title: 'time of day (h)', ...(wholeDay ? { scale: { domain: [0, 24] }, axis: { values: [0, 3, 6, 9, 12, 15, 18, 21, 24] } } : {}) };
  const tooltip = [tip('agent', 'grid agent'), tip('hour', 'time of day (h)', 'quantitative', NUMBER_FORMAT), tip('price', 'price (currency/kWh)', 'quantitative', NUMBER_FORMAT), tip('energy_kwh', 'energy traded (kWh)', 'quantitative', NUMBER_FORMAT)];
  const panel = (field: string, title: string) => ({
    width: PANEL_WIDTH + 100,
    height: PANEL_HEIGHT - 40,
    mark: { type: 'line', strokeWidth: 1.8, point: { size: 14 } },
    encoding: { x, y: { field, type: 'quantitative', title }, color: colour, tooltip },
  });
  const subtitle = `${data.pointLabels.get(firstPoint) ?? ''} · ledger ${firstLedger ?? ''} · mean over days and replications`;
  return {
    name: 'market',
    title: 'Price and energy traded over the day',
    description: perAgent
      ? 'Negotiated price and energy the EVs sold to each grid agent per market interval, by time of day, averaged over simulated days and replications (first sweep point).'
      : `More than ${MAX_AGENT_LINES} grid agents: one line for all agents (energy-weighted mean price, total energy traded) by time of day, averaged over simulated days and replications (first sweep point).`,
    spec: topLevel('Price and energy traded over the day', {
      data: { values: values.map(({ agent, hour, price, energy_kwh }) => ({ agent, hour, price, energy_kwh })) },
      vconcat: [panel('price', 'price (currency/kWh)'), panel('energy_kwh', 'energy traded (kWh per interval)')],
    }, subtitle),
  };
}

function binByHour(rows: Row[], perAgent: boolean): { agent: string; hour: number; price: number | null; energy_kwh: number }[] {
  const bins = new Map<string, Bin>();
  for (const row of rows) {
    const agent = perAgent ? `agent ${row.agent}` : 'all agents';
    const hour = (Number(row.t_s) % DAY_S) / 3600;
    const key = `${agent}\u0000${hour}`;
    let bin = bins.get(key);
    if (!bin) {
      bin = { agent, hour, priceSum: 0, priceCount: 0, energySum: 0, weightedPrice: 0, samples: new Set() };
      bins.set(key, bin);
    }
    const energy = typeof row.energy_kwh === 'number' ? row.energy_kwh : 0;
    bin.energySum += energy;
    bin.samples.add(`${row.run_id}\u0000${Math.floor(Number(row.t_s) / DAY_S)}`);
    if (typeof row.price === 'number') {
      bin.priceSum += row.price;
      bin.priceCount++;
      bin.weightedPrice += row.price * energy;
    }
  }
  return [...bins.values()]
    .map((b) => ({
      agent: b.agent,
      hour: b.hour,
      price: b.priceCount === 0 ? null : perAgent || b.energySum === 0 ? b.priceSum / b.priceCount : b.weightedPrice / b.energySum,
      energy_kwh: b.energySum / b.samples.size,
    }))
    .sort((a, b) => agentNumber(a.agent) - agentNumber(b.agent) || a.hour - b.hour);
}

function agentNumber(label: string): number {
  const n = Number(label.replace(/^agent /, ''));
  return Number.isFinite(n) ? n : -1;
}
