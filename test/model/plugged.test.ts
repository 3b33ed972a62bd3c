// The plugged-in lists: O(1) insertion and removal, and each agent's list put in EV order on demand.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { PluggedLists } from '../../src/model/plugged.js';

describe('plugged-in lists', () => {
  it('hold exactly the EVs plugged in at each agent, in EV order when asked, through random plug-ins and departures', () => {
    const random = seedrandom('plugged');
    const agents = 3;
    const perAgent = 50;
    const lists = new PluggedLists(agents * perAgent, Int32Array.from({ length: agents }, () => perAgent));
    const present = Array.from({ length: agents }, () => new Set<number>());
    for (let step = 0; step < 5000; step++) {
      const g = Math.floor(random() * agents);
      const ev = g * perAgent + Math.floor(random() * perAgent);
      if (present[g].has(ev)) {
        lists.remove(g, ev);
        present[g].delete(ev);
      } else {
        lists.add(g, ev);
        present[g].add(ev);
      }
      // Now and then an agent's interval: its list in EV order, the others left as they are.
      if (step % 7 === 0) {
        const h = step % agents;
        const inOrder = Array.from(lists.inOrder(h).subarray(0, lists.counts[h]));
        expect(inOrder).toEqual([...present[h]].sort((x, y) => x - y));
      }
    }
    for (let g = 0; g < agents; g++) expect(new Set(lists.lists[g].subarray(0, lists.counts[g]))).toEqual(present[g]);
  });
});
