import { describe, expect, it } from 'vitest';
import {
  itemFit,
  kr20,
  lordBinomialSem,
  abilityTable,
  personSeparationReliability,
} from '../../../../../src/shared/psychometrics';

describe('kr20', () => {
  it('matches a hand computation: p = .75, .5, .25, var(X) = 1.25, so KR-20 = 1.5 (1 - .625 / 1.25)', () => {
    const result = kr20([
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.kr20).toBeCloseTo(0.75, 12);
    expect(result.sd).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(result.sem).toBeCloseTo(Math.sqrt(1.25) * 0.5, 12);
  });
});

describe('lordBinomialSem', () => {
  it('is about 2.9 at 28 of 40', () => {
    expect(lordBinomialSem(28, 40)).toBeCloseTo(Math.sqrt((28 * 12) / 39), 12);
    expect(lordBinomialSem(28, 40)).toBeGreaterThan(2.9);
    expect(lordBinomialSem(28, 40)).toBeLessThan(3);
  });
});

describe('itemFit', () => {
  const b = [0, 0];
  const table = abilityTable(b);
  it('is 1 for responses that are exactly as surprising as the model says', () => {
    // Raw 1 with b = (0, 0): P = 1/2 each, so (x - P)^2 / PQ = 1 for every answer.
    const fit = itemFit(
      [
        [1, 0],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
      b,
      table,
    );
    // The Warm estimate of raw 1 on two items of difficulty 0 is 0, so P is exactly one half.
    expect(table[1]!.theta).toBeCloseTo(0, 8);
    expect(fit[0]!.infit).toBeCloseTo(1, 8);
    expect(fit[0]!.outfit).toBeCloseTo(1, 8);
  });

  it('gives a person separation reliability between 0 and 1, 0 when every sitting has the same score', () => {
    expect(
      personSeparationReliability(
        [
          [1, 0],
          [0, 1],
        ],
        table,
      ),
    ).toBe(0);
    // Ten items: sittings at 1, 5 and 9 correct are far apart compared with their SEs.
    const ten = Array.from({ length: 10 }, (_, i) => -1.8 + i * 0.4);
    const row = (correct: number) => Array.from({ length: 10 }, (_, i) => (i < correct ? 1 : 0));
    const spread = personSeparationReliability([row(1), row(5), row(9), row(1), row(9)], abilityTable(ten));
    expect(spread).toBeGreaterThan(0);
    expect(spread).toBeLessThan(1);
  });
});
