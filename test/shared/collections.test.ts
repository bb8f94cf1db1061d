/** sortShort puts a list in exactly the order Array.prototype.sort does (both are stable). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortShort } from '../../shared/collections.ts';

describe('sortShort', () => {
  it('orders like Array.prototype.sort, ties kept in list order, short lists and long', () => {
    // Items with few distinct keys, so ties are common and stability shows.
    const items = fc.array(fc.record({ key: fc.integer({ min: 0, max: 4 }), tag: fc.nat() }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(items, (list) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortShort([...list], compare)).toEqual([...list].sort(compare));
      }),
      { numRuns: 2_000 },
    );
  });
  it('sorts in place and returns the same list', () => {
    const list = [3, 1, 2];
    expect(sortShort(list, (a, b) => a - b)).toBe(list);
    expect(list).toEqual([1, 2, 3]);
  });
});
