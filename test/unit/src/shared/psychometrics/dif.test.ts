import { describe, expect, it } from 'vitest';
import {
  conditionEffect,
  difByItem,
  etsClass,
  mantelHaenszel,
  matchedScoreDifference,
  type DifGroup,
} from '../../../../../src/shared/psychometrics';

describe('mantelHaenszel', () => {
  it('matches a hand computation on one 2 x 2 table (RBG reduces to Woolf there)', () => {
    const mh = mantelHaenszel([{ a: 20, b: 10, c: 10, d: 20 }]);
    expect(mh.alpha).toBeCloseTo(4, 12);
    expect(mh.deltaMh).toBeCloseTo(-2.35 * Math.log(4), 12);
    expect(mh.se).toBeCloseTo(2.35 * Math.sqrt(1 / 20 + 1 / 10 + 1 / 10 + 1 / 20), 12);
    // E(A) = 30 * 30 / 60 = 15, Var(A) = 30^4 / (60^2 * 59); (|20 - 15| - 0.5)^2 / Var(A).
    expect(mh.chiSquare).toBeCloseTo(4.5 ** 2 / (30 ** 4 / (3600 * 59)), 10);
  });

  it('pools strata and drops a stratum with one group only', () => {
    const pooled = mantelHaenszel([
      { a: 10, b: 10, c: 5, d: 15 },
      { a: 15, b: 5, c: 10, d: 10 },
      { a: 9, b: 0, c: 0, d: 0 },
    ]);
    // alpha = (10*15/40 + 15*10/40) / (10*5/40 + 5*10/40) = 7.5 / 2.5.
    expect(pooled.alpha).toBeCloseTo(3, 12);
  });
});

describe('etsClass', () => {
  it('follows the ETS rules', () => {
    expect(etsClass({ alpha: 1, deltaMh: -0.8, se: 0.2, chiSquare: 10 })).toBe('A');
    expect(etsClass({ alpha: 1, deltaMh: -1.2, se: 0.2, chiSquare: 3 })).toBe('A');
    expect(etsClass({ alpha: 1, deltaMh: -1.2, se: 0.2, chiSquare: 10 })).toBe('B');
    expect(etsClass({ alpha: 1, deltaMh: 1.6, se: 0.5, chiSquare: 10 })).toBe('B');
    expect(etsClass({ alpha: 1, deltaMh: -1.8, se: 0.2, chiSquare: 10 })).toBe('C');
  });
});

describe('difByItem', () => {
  it('says "te weinig gegevens" below the minimum group size rather than giving a class', () => {
    const responses = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const result = difByItem(responses, ['reference', 'focal', 'focal']);
    expect(result[0]).toEqual({ item: 0, reference: 1, focal: 2, class: 'te weinig gegevens' });
  });

  it('classes an item against the focal group when it is much harder for them at equal score', () => {
    // 200 per group; at raw 1 the reference group answers item 0 and the focal group item 1.
    const responses: number[][] = [];
    const groups: DifGroup[] = [];
    for (let n = 0; n < 200; n++) {
      responses.push(n % 4 === 0 ? [0, 1] : [1, 0], n % 2 ? [1, 1] : [0, 0]);
      groups.push('reference', 'reference');
      responses.push(n % 4 === 0 ? [1, 0] : [0, 1], n % 2 ? [1, 1] : [0, 0]);
      groups.push('focal', 'focal');
    }
    const [first] = difByItem(responses, groups);
    expect(first?.class).toBe('C');
    expect(first && 'deltaMh' in first ? first.deltaMh : 0).toBeLessThan(-1.5);
    expect(() => difByItem(responses, groups.slice(1))).toThrow(RangeError);
  });
});

describe('matchedScoreDifference', () => {
  it('weights strata by the focal group and gives a hand-checkable interval', () => {
    const rows = [
      ...[1, 3].map((score) => ({ group: 'reference' as const, stratum: 0, score })),
      ...[0, 2].map((score) => ({ group: 'focal' as const, stratum: 0, score })),
      ...[5, 7].map((score) => ({ group: 'reference' as const, stratum: 1, score })),
      ...[4, 6, 5, 5].map((score) => ({ group: 'focal' as const, stratum: 1, score })),
      { group: 'focal' as const, stratum: 9, score: 40 },
    ];
    const result = matchedScoreDifference(rows);
    expect(result.difference).toBeCloseTo(-1, 12);
    // (2/6)^2 (2/2 + 2/2) + (4/6)^2 ((2/3)/4 + 2/2)
    const variance = (1 / 9) * 2 + (4 / 9) * (1 / 6 + 1);
    expect(result.se).toBeCloseTo(Math.sqrt(variance), 12);
    expect(result.high - result.low).toBeCloseTo(2 * 1.959963984540054 * Math.sqrt(variance), 10);
    expect(result.focal).toBe(6);
  });

  it('needs an anchor that is part of the items', () => {
    expect(() => conditionEffect([[1, 0]], ['focal'], [])).toThrow(/anker/);
    expect(() => conditionEffect([[1, 0]], ['focal'], [0, 1])).toThrow(/anker/);
    const effect = conditionEffect(
      [
        [1, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
        [1, 0, 0],
      ],
      ['reference', 'focal', 'reference', 'focal'],
      [0],
    );
    expect(effect.difference).toBeCloseTo(-1, 12);
  });
});
