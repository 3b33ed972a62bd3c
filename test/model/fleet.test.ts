// Checks the fleet a split run shares between its partitions: the same draw as a thread's own, on shared
// memory, and seen (state included) through the arrays another thread is handed.

import { expect, it } from 'vitest';
import { RngStreams } from '../../src/engine/rng.js';
import { fleetSchema } from '../../src/model/schema.js';
import { Fleet } from '../../src/model/fleet.js';

const config = fleetSchema.parse({ size: 500 });
const draw = (from?: 'shared') => {
  const streams = new RngStreams(4);
  return new Fleet(config, 7, (name) => streams.stream(name), from);
};

it('draws the same fleet on shared memory as in a thread of its own, and lends it without a copy', () => {
  const own = draw();
  const shared = draw('shared');
  const handed = shared.share();
  for (const [name, values] of Object.entries(handed.arrays)) {
    expect(values.buffer, name).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(values), name).toEqual(Array.from(own[name as keyof typeof handed.arrays]));
  }
  expect(Array.from(shared.first)).toEqual(Array.from(own.first));
  // A partition's view: its writes to an EV's state are the fleet's (no partition draws the fleet again).
  const view = new Fleet(config, 7, () => {
    throw new Error('a view draws nothing');
  }, structuredClone(handed));
  view.soc[42] = 0.5;
  view.discharge(42, 1);
  expect(shared.soc[42]).toBe(view.soc[42]);
  expect(shared.soc[42]).toBeLessThan(0.5);
  expect(view.perAgent()).toEqual(own.perAgent());
});
