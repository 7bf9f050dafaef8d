import { describe, expect, it } from 'vitest';
import {
  abilityTable,
  informationCurve,
  testInformation,
  thetaForTrueScore,
  trueScore,
  warmEstimate,
} from '../../../../../src/shared/psychometrics';

describe('Warm estimates', () => {
  // With every difficulty 0 the WLE equation r - kP + (1 - 2P) / 2 = 0 gives P = (r + 0.5) / (k + 1), so
  // theta = ln((r + 0.5) / (k - r + 0.5)): finite at 0 and k too.
  it('match the closed form for four items of difficulty 0, the extremes included', () => {
    for (let r = 0; r <= 4; r++)
      expect(warmEstimate(r, [0, 0, 0, 0])).toBeCloseTo(Math.log((r + 0.5) / (4 - r + 0.5)), 8);
  });

  it('give a table with one row per raw score, the extremes marked, SE from the information', () => {
    const table = abilityTable([-1, 0, 1]);
    expect(table.map((row) => row.raw)).toEqual([0, 1, 2, 3]);
    expect(table.map((row) => row.extreme)).toEqual([true, false, false, true]);
    expect(table[1]!.theta).toBeCloseTo(-table[2]!.theta, 8);
    expect(table[1]!.se).toBeCloseTo(1 / Math.sqrt(testInformation(table[1]!.theta, [-1, 0, 1])), 12);
    expect(table.every((row, i) => i === 0 || row.theta > table[i - 1]!.theta)).toBe(true);
  });
});

describe('information and true score', () => {
  it('gives a quarter per item where ability equals difficulty', () => {
    expect(testInformation(0.5, [0.5, 0.5])).toBeCloseTo(0.5, 12);
  });

  it('inverts the true score', () => {
    const b = [-1.2, -0.3, 0.4, 1.1];
    expect(trueScore(thetaForTrueScore(2.5, b), b)).toBeCloseTo(2.5, 8);
    expect(() => thetaForTrueScore(4, b)).toThrow(RangeError);
  });

  it('reports SEM in logits and in raw points as reciprocals under Rasch', () => {
    const curve = informationCurve([-1, 0, 1], [-1, 0, 2]);
    expect(curve).toHaveLength(3);
    for (const point of curve) expect(point.semLogits * point.semRaw).toBeCloseTo(1, 12);
    expect(curve[1]!.trueScore).toBeCloseTo(1.5, 12);
  });
});
