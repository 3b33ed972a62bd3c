// A stored run that cannot be used, and why: the one piece of the run store the CLI's error handling
// needs, kept apart so that starting the CLI does not load the store (and the model it records).

/** A stored file that cannot be used, and why. */
export interface StoreProblem {
  path: string;
  reason: string;
}

/** A stored run that is missing, damaged or not the one expected. */
export class StoreError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`${problem.path} ${problem.reason}`);
    this.name = 'StoreError';
  }
}
