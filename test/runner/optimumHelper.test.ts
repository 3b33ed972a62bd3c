// A partition's day-ahead optimum with half of its agents solved on a helper thread: the same solutions,
// bit for bit and in the same order, as solving every agent here; and a problem the helper cannot solve
// fails as it would here, naming the EV.

import { describe, expect, it } from 'vitest';
import { DayAheadInputError, solveDayAhead } from '../../src/model/market/dayAhead.js';
import { sessionNamer } from '../../src/model/optimum.js';
import { solveWithHelper } from '../../src/runner/split/optimumHelper.js';
import { randomProblem } from '../model/market/randomProblem.js';

describe('the day-ahead optimum on a helper thread', () => {
  it('gives every agent the solution it gets here, in the order the agents came', () => {
    const agents = [0, 1, 2, 3, 4];
    const problems = agents.map((g) => randomProblem(`helper-${g}`, 20 + 10 * g, 12));
    const evOf = (g: number) => Int32Array.from({ length: problems[g].count }, (_, j) => 1000 * g + j);
    const expected = agents.map((g) => solveDayAhead(randomProblem(`helper-${g}`, 20 + 10 * g, 12)));
    const solver = solveWithHelper();
    agents.forEach((g) => solver.add(g, problems[g], evOf(g)));
    const solutions = solver.finish();
    expect(solutions).toHaveLength(agents.length);
    // Agents 1 and 3 went to the helper (their problems' arrays moved there).
    expect(problems[1].first.length).toBe(0);
    expect(problems[2].first.length).toBe(problems[2].count);
    solutions.forEach((solution, g) => expect(solution, `agent ${g}`).toEqual(expected[g]));
  });

  it("fails on a problem given to the helper as it would here, naming the agent's EV", () => {
    const badProblem = () => {
      const problem = randomProblem('helper-bad', 6, 8);
      (problem.budget as Float64Array)[2] = -1;
      return problem;
    };
    const evOf = Int32Array.from({ length: 6 }, (_, j) => 70 + j);
    const failure = (solve: () => unknown): Error => {
      try {
        solve();
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a failure');
    };
    const here = failure(() => solveDayAhead(badProblem(), { name: sessionNamer(evOf, 9) }));
    expect(here).toBeInstanceOf(DayAheadInputError);
    expect(here.message).toMatch(/^EV 72 \(agent 9\): its reserve is above its charge/);
    const solver = solveWithHelper();
    solver.add(8, randomProblem('helper-good', 5, 8), new Int32Array(5));
    solver.add(9, badProblem(), evOf.slice());
    const helped = failure(() => solver.finish());
    expect(helped).toBeInstanceOf(DayAheadInputError);
    expect(helped.message).toBe(here.message);
  });
});
