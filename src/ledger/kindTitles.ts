// Each ledger kind's one-line title, on its own so that `dv2g --help` can list the kinds without
// loading them (each kind's descriptor in src/ledger/<kind>/kind.ts takes its title from here).

export const KIND_TITLES = {
  tangle: 'tangle (IOTA-style DAG, credit-based proof of work per transaction)',
  pow: 'proof-of-work blockchain (Bitcoin-like)',
  lightchain: 'LightChain (Liu et al. 2019: cooperative low-energy consensus, LightBlocks, offloading)',
  pos: 'proof-of-stake chain (slots, stake-weighted proposers)',
  poet: 'proof-of-elapsed-time chain (trusted-timer waits, as in Hyperledger Sawtooth)',
  pob: 'proof-of-burn chain (block chance in proportion to currency burnt)',
} as const;
