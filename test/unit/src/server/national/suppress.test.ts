/** The national view's suppression rule on small hand-made tables, where the right answer can be worked out. */
import { describe, expect, it } from 'vitest';
import { suppress, type Sum } from '../../../../../src/server/national/suppress';

const table = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** Whether a hidden cell can be recomputed: some sum with exactly that one member hidden. */
function recoverable(hidden: Set<string>, sums: readonly Sum[]): string[] {
  const out: string[] = [];
  for (const s of sums) {
    const members = [s.total, ...s.parts].filter((m) => hidden.has(m));
    if (members.length === 1) out.push(members[0]!);
  }
  return out;
}

describe('small-cell suppression', () => {
  it('hides every count under the minimum, zero included, and nothing else without sums', () => {
    const hidden = suppress(table({ a: 0, b: 9, c: 10, d: 250 }), [], 10);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides a second cell when one hidden cell could be recomputed from the total', () => {
    const cells = table({ total: 60, a: 4, b: 20, c: 36 });
    const sums = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    const hidden = suppress(cells, sums, 10);
    // The smallest shown part goes with it, and the two hidden add up to at least 10.
    expect([...hidden].sort()).toEqual(['a', 'b']);
    expect(recoverable(hidden, sums)).toEqual([]);
  });

  it('keeps hiding until the hidden parts add up to at least the minimum', () => {
    const cells = table({ total: 100, a: 1, b: 2, c: 3, d: 94 });
    const sums = [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }];
    // a+b+c = 6 < 10: three hidden cells that are together small would still say each is small, so d goes too.
    expect([...suppress(cells, sums, 10)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('hides the total of a group whose every part is hidden only when it is small itself', () => {
    const cells = table({ total: 15, a: 7, b: 8 });
    const hidden = suppress(cells, [{ total: 'total', parts: ['a', 'b'] }], 10);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('follows a hidden cell through the rows and columns of a two-way table', () => {
    // 2x3 with row and column totals; r1c1 = 3 is the only small cell.
    const cells = table({
      r1c1: 3,
      r1c2: 40,
      r1c3: 50,
      r2c1: 30,
      r2c2: 12,
      r2c3: 60,
      r1: 93,
      r2: 102,
      c1: 33,
      c2: 52,
      c3: 110,
      all: 195,
    });
    const sums: Sum[] = [
      { total: 'r1', parts: ['r1c1', 'r1c2', 'r1c3'] },
      { total: 'r2', parts: ['r2c1', 'r2c2', 'r2c3'] },
      { total: 'c1', parts: ['r1c1', 'r2c1'] },
      { total: 'c2', parts: ['r1c2', 'r2c2'] },
      { total: 'c3', parts: ['r1c3', 'r2c3'] },
      { total: 'all', parts: ['r1', 'r2'] },
      { total: 'all', parts: ['c1', 'c2', 'c3'] },
    ];
    const hidden = suppress(cells, sums, 10);
    expect(hidden.has('r1c1')).toBe(true);
    expect(recoverable(hidden, sums)).toEqual([]);
    for (const s of sums) {
      const parts = s.parts.filter((p) => hidden.has(p));
      if (parts.length > 0 && !hidden.has(s.total)) {
        expect(parts.reduce((n, p) => n + cells.get(p)!, 0)).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('refuses a sum over a cell it was not given', () => {
    expect(() => suppress(table({ a: 1 }), [{ total: 'a', parts: ['b'] }], 10)).toThrow(/unknown cell b/);
  });
});
