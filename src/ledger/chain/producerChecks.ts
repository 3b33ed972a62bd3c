// The cross-key checks every chain kind shares: its block producers are network nodes, and a list of
// shares (hash power, stake, burn, lottery weights) has one entry per producer.

import type { LedgerProblem } from '../descriptor.js';

export interface ProducerKeys {
  /** Key and singular noun of the producers, e.g. ['miners', 'miner']. */
  producersKey: string;
  noun: string;
  producers: number;
  /** Key and value of the per-producer shares, where the kind has them. */
  sharesKey?: string;
  shares?: readonly number[];
}

export function producerChecks(keys: ProducerKeys, nodes: number): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const { producersKey, noun, producers, sharesKey, shares } = keys;
  if (producers > nodes) problems.push({ path: [producersKey], message: `expected at most network.nodes (${nodes}) ${producersKey}, got ${producers}` });
  if (sharesKey && shares && shares.length !== producers) problems.push({ path: [sharesKey], message: `expected one share per ${noun} (${producers}), got ${shares.length}` });
  return problems;
}
