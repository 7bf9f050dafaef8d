import { describe, expect, it } from 'vitest';
import {
  abilityTable,
  classificationAccuracy,
  probabilityAtOrAboveCut,
  scoreDistribution,
} from '../../../../../src/shared/psychometrics';

describe('scoreDistribution', () => {
  it('is binomial for items of equal difficulty at that ability', () => {
    expect(scoreDistribution(0, [0, 0])).toEqual([0.25, 0.5, 0.25]);
  });
});

describe('probabilityAtOrAboveCut', () => {
  it('is one half at the cut and follows the normal beyond it', () => {
    expect(probabilityAtOrAboveCut({ raw: 5, theta: 0.4, se: 0.5, extreme: false }, 0.4)).toBeCloseTo(0.5, 6);
    // One SE above the cut: Phi(1).
    expect(probabilityAtOrAboveCut({ raw: 5, theta: 0.9, se: 0.5, extreme: false }, 0.4)).toBeCloseTo(
      0.841345,
      5,
    );
  });
});

describe('classificationAccuracy', () => {
  const b = Array.from({ length: 10 }, (_, i) => -1.8 + i * 0.4);
  const table = abilityTable(b);

  it('rises with the raw score and is near 1 for sittings far from the cesuur', () => {
    const far = new Array<number>(11).fill(0);
    far[0] = 50;
    far[10] = 50;
    const result = classificationAccuracy(6, b, table, far);
    // Non-decreasing everywhere; at the extremes it reaches 0 or 1 within double precision.
    expect(
      result.byRaw.every((row, i) => i === 0 || row.probability >= result.byRaw[i - 1]!.probability),
    ).toBe(true);
    expect(result.byRaw[6]!.probability).toBeGreaterThan(result.byRaw[5]!.probability);
    expect(result.accuracy).toBeGreaterThan(0.95);
    expect(result.consistency).toBeGreaterThan(0.9);
  });

  it('is lower for sittings at the cesuur, consistency below accuracy', () => {
    const near = new Array<number>(11).fill(0);
    near[5] = 50;
    near[6] = 50;
    const result = classificationAccuracy(6, b, table, near);
    expect(result.accuracy).toBeLessThan(0.8);
    expect(result.accuracy).toBeGreaterThan(0.5);
    expect(result.consistency).toBeLessThan(result.accuracy);
    expect(() => classificationAccuracy(6, b, table.slice(1), near)).toThrow(RangeError);
  });
});
