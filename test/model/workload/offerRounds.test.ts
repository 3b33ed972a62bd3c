// A settlement round's offers as one sorted run fire exactly as one event per offer, scheduled in the order
// the offers were made, would: the same times, the same order among offers at one instant (equal phases,
// phases that round to one time) and around other events at those instants, with rounds overlapping.

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/simulation.js';
import { entityStream } from '../../../src/engine/rng.js';
import { OfferRounds } from '../../../src/model/workload/offerRounds.js';

const EVS = 400;
const PERIOD = 900;

/** Phases with ties: equal phases among EVs added out of index order, and phases equal once added to a round's start. */
function phases(spread: number): Float64Array {
  const rng = entityStream('offer-rounds');
  const p = Float64Array.from({ length: EVS }, () => rng() * spread);
  for (let ev = 0; ev < EVS; ev += 7) p[ev] = p[(ev * 13) % EVS];
  for (let ev = 3; ev < EVS; ev += 11) p[ev] = 0;
  // 1800 + 100 and 1800 + (100 + 1e-13) are the same double: offers at one instant from different phases.
  p[5] = 100;
  p[6] = 100 + 1e-13;
  return p;
}

type Fired = [number, string];

/**
 * Runs `rounds` settlement rounds `PERIOD` apart; each offers a shuffled subset of the EVs with a phase > 0 and
 * schedules a probe event before the offers and one after, at instants some offers share. `sortedRun` picks
 * OfferRounds, otherwise one event per offer.
 */
function fire(sortedRun: boolean, spread: number, rounds: number): Fired[] {
  const sim = new Simulation({ bucketSeconds: PERIOD });
  const phase = phases(spread);
  const fired: Fired[] = [];
  const offer = (ev: number) => fired.push([sim.now, `ev ${ev}`]);
  const offerKind = sim.register(offer);
  const probeKind = sim.register((id) => fired.push([sim.now, `probe ${id}`]));
  const withPhase = Int32Array.from({ length: EVS }, (_, ev) => ev).filter((ev) => phase[ev] > 0);
  const offers = new OfferRounds(sim, phase, withPhase, spread, PERIOD, offer);
  const rng = entityStream('offer-rounds-subsets');
  const roundKind = sim.register((round) => {
    const chosen = Array.from(withPhase).filter(() => rng() < 0.7);
    for (let i = chosen.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
    }
    sim.schedule(phase[chosen[0]], probeKind, 2 * round);
    for (const ev of chosen) {
      if (sortedRun) offers.add(ev);
      else sim.schedule(phase[ev], offerKind, ev);
    }
    if (sortedRun) offers.schedule();
    sim.schedule(phase[chosen[1]], probeKind, 2 * round + 1);
    if (round + 1 < rounds) sim.schedule(PERIOD, roundKind, round + 1);
  });
  sim.schedule(0, roundKind, 0);
  sim.run();
  expect(sim.events).toBe(fired.length + rounds);
  return fired;
}

describe('OfferRounds', () => {
  it.each([['within one period', PERIOD], ['over 2.5 periods, rounds overlapping', 2.5 * PERIOD]])('fires as one event per offer would, spread %s', (_, spread) => {
    const reference = fire(false, spread, 6);
    expect(reference.length).toBeGreaterThan(6 * 200);
    expect(fire(true, spread, 6)).toEqual(reference);
  });

  it('meets offers at one instant, from equal phases and from phases that round to one time', () => {
    const reference = fire(false, PERIOD, 6);
    const together = reference.filter(([t, what], i) => i > 0 && t === reference[i - 1][0] && what.startsWith('ev') && reference[i - 1][1].startsWith('ev'));
    expect(together.length).toBeGreaterThan(6);
    expect(together.some(([, what]) => what === 'ev 6' || what === 'ev 5')).toBe(true);
  });
});
