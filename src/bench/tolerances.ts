// How far below the benchmark baseline a checked figure may fall: a module of its own, so that the
// command line's help shows the default without loading the baseline's code (src/bench/baseline.ts).

export interface Tolerances {
  /** Fail when a checked figure falls more than this share below the baseline (default 0.25). */
  ratio: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { ratio: 0.25 };
