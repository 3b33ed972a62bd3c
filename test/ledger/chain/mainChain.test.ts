// Main-chain tracking: longest chain wins, ties keep the first found, reorganisations report blocks
// leaving and joining, and blocks confirm once `confirmations` deep.

import { describe, expect, it } from 'vitest';
import { BlockStore } from '../../../src/ledger/chain/blockStore.js';
import { MainChain } from '../../../src/ledger/chain/mainChain.js';

describe('MainChain', () => {
  it('follows the longest chain through a reorganisation and confirms at depth', () => {
    const store = new BlockStore();
    const events: string[] = [];
    const main = new MainChain(store, 2, {
      joined: (b) => events.push(`+${b}`),
      left: (b) => events.push(`-${b}`),
      confirmed: (b) => events.push(`c${b}`),
    });
    const block = (parent: number) => store.open(parent, 0, 0);
    block(-1);
    const a1 = block(0);
    expect(main.add(a1)).toBe(true);
    const b1 = block(0);
    expect(main.add(b1)).toBe(false);
    const a2 = block(a1);
    expect(main.add(a2)).toBe(true);
    const b2 = block(b1);
    expect(main.add(b2)).toBe(false);
    const b3 = block(b2);
    expect(main.add(b3)).toBe(true);
    expect(events).toEqual(['+1', '+3', 'c1', '-3', '-1', '+2', '+4', '+5', 'c2', 'c4']);
    expect(main.deepReorgs).toBe(1);
    expect(main.isMain(b1) && main.isMain(b2) && main.isMain(b3)).toBe(true);
    expect(main.isMain(a1) || main.isMain(a2)).toBe(false);
  });
});
