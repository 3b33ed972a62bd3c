// Upper bounds on scenario sizes, in one place: the schema enforces them (with these values in its
// descriptions) and the resource estimate cites them. Each is far beyond any study we know of, and
// below the point where one run or the run list alone would exhaust a workstation.

/** fleet.size: 10 million EVs (about 2 GB for the fleet alone; the design aims at 1 million in 4 GB). */
export const MAX_FLEET_SIZE = 10_000_000;
/** grid.agents and network.nodes: a million (one market solve or peer list each per interval). */
export const MAX_AGENTS = 1_000_000;
export const MAX_NODES = 1_000_000;
/** replications: 10,000 (Student-t intervals stop narrowing usefully long before). */
export const MAX_REPLICATIONS = 10_000;
/** duration: 366 days (a leap year; the load and arrival profiles are daily). */
export const MAX_DURATION_S = 366 * 86_400;
/** outputs.timeseriesInterval: at least 1 s, and at most a million buckets per run. */
export const MIN_TIMESERIES_INTERVAL_S = 1;
export const MAX_TIMESERIES_BUCKETS = 1_000_000;
/** market.interval: at least 1 s, and at most a million negotiation rounds per run. */
export const MIN_MARKET_INTERVAL_S = 1;
export const MAX_MARKET_ROUNDS = 1_000_000;
/** Runs in the run list (sweep points x ledgers x replications): 100,000, checked before the sweep is expanded. */
export const MAX_RUNS = 100_000;

/**
 * A count written with thousands separators (10,000,000), for messages and descriptions. Integers are
 * grouped here: `toLocaleString` would load ICU's locale data (about 30 ms) at every start-up, since the
 * schema's descriptions call this when it loads.
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** Time-series buckets of a run when outputs.timeseriesInterval is not given (duration / 96: 15 minutes a day). */
export const DEFAULT_BUCKETS = 96;
