// The kernel against queueing theory: an M/M/1 queue's mean time in system is 1/(mu - lambda)
// and its mean number in system rho/(1 - rho).

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';
import { RngStreams, exponential } from '../../src/engine/rng.js';

function simulateMM1(lambda: number, mu: number, customers: number, seed: number) {
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const arrivals = streams.stream('arrivals');
  const services = streams.stream('services');
  const queue = new Float64Array(customers + 1);
  let head = 0, tail = 0, served = 0;
  let area = 0, lastChange = 0;
  const timesInSystem = new Float64Array(customers);
  const account = () => {
    area += (tail - head) * (sim.now - lastChange);
    lastChange = sim.now;
  };
  const departure = sim.register(() => {
    account();
    timesInSystem[served++] = sim.now - queue[head++];
    if (served === customers) sim.stop();
    else if (tail > head) sim.schedule(exponential(services, 1 / mu), departure);
  });
  const arrival = sim.register(() => {
    account();
    queue[tail++] = sim.now;
    if (tail - head === 1) sim.schedule(exponential(services, 1 / mu), departure);
    if (tail < customers) sim.schedule(exponential(arrivals, 1 / lambda), arrival);
  });
  sim.schedule(exponential(arrivals, 1 / lambda), arrival);
  sim.run();
  return { timesInSystem, meanInSystem: area / sim.now };
}

/** Mean and standard error by batch means (batches long enough to be nearly independent). */
function batchMeans(xs: Float64Array, batches: number) {
  const size = Math.floor(xs.length / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += xs[i];
    means.push(s / size);
  }
  const m = means.reduce((a, b) => a + b, 0) / batches;
  const variance = means.reduce((a, x) => a + (x - m) ** 2, 0) / (batches - 1);
  return { mean: m, standardError: Math.sqrt(variance / batches) };
}

describe('engine: M/M/1 queue', () => {
  const lambda = 0.5, mu = 1, rho = lambda / mu;
  const { timesInSystem, meanInSystem } = simulateMM1(lambda, mu, 200_000, 7);

  it('mean time in system is 1/(mu - lambda)', () => {
    const { mean, standardError } = batchMeans(timesInSystem, 40);
    // 200,000 customers in 40 batches of 5,000 (far beyond the queue's relaxation time of
    // about 1/(mu (1 - sqrt(rho))^2) ~ 12 service times): batch means are near-independent,
    // so the estimate lies within 4 standard errors of theory except with probability < 1e-4.
    expect(standardError / mean).toBeLessThan(0.02);
    expect(Math.abs(mean - 1 / (mu - lambda))).toBeLessThan(4 * standardError);
  });

  it('mean number in system is rho/(1 - rho)', () => {
    // Little's law ties L to W: L = lambda W, so the same relative error (< 4 x 2%) bounds L.
    expect(meanInSystem).toBeGreaterThan((rho / (1 - rho)) * 0.92);
    expect(meanInSystem).toBeLessThan((rho / (1 - rho)) * 1.08);
  });
});
