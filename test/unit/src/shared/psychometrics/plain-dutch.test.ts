import { describe, expect, it } from 'vitest';
import {
  abilityTable,
  classificationAccuracy,
  ClassificationReport,
  fractionOf,
  probabilitySentence,
} from '../../../../../src/shared/psychometrics';

describe('probabilitySentence', () => {
  it('says a probability as a simple fraction in plain Dutch', () => {
    expect(probabilitySentence(0.76)).toBe(
      'ongeveer 3 op de 4 kandidaten met deze score horen boven de cesuur',
    );
    expect(probabilitySentence(0.5)).toBe(
      'ongeveer 1 op de 2 kandidaten met deze score hoort boven de cesuur',
    );
    expect(probabilitySentence(0.31)).toBe(
      'ongeveer 1 op de 3 kandidaten met deze score hoort boven de cesuur',
    );
    expect(probabilitySentence(0.97)).toBe(
      'ongeveer 19 op de 20 kandidaten met deze score horen boven de cesuur',
    );
    expect(probabilitySentence(0.999)).toBe('vrijwel alle kandidaten met deze score horen boven de cesuur');
    expect(probabilitySentence(0.001)).toBe('vrijwel geen kandidaat met deze score hoort boven de cesuur');
  });

  it('falls back to "op de 100" and refuses what is no probability', () => {
    expect(fractionOf(0.135)).toEqual({ n: 3, d: 20 });
    expect(fractionOf(0.012)).toEqual({ n: 1, d: 100 });
    expect(() => probabilitySentence(1.2)).toThrow(RangeError);
    expect(() => probabilitySentence(Number.NaN)).toThrow(RangeError);
  });
});

describe('ClassificationReport', () => {
  it('accepts what classificationAccuracy computes and refuses a probability above 1', () => {
    const b = Array.from({ length: 10 }, (_, i) => -1.8 + i * 0.4);
    const counts = [1, 2, 4, 6, 8, 8, 6, 4, 2, 1, 1];
    const { cesuur, thetaCut, accuracy, consistency, byRaw } = classificationAccuracy(
      6,
      b,
      abilityTable(b),
      counts,
    );
    const report = {
      kind: 'lbt.classification' as const,
      version: 1 as const,
      method: 'rudner' as const,
      packageHash: 'b'.repeat(64),
      calibrationCreatedAt: '2026-12-07T01:00:00.000Z',
      cesuur,
      cesuurVersion: '1.0.0',
      thetaCut,
      accuracy,
      consistency,
      byRaw,
    };
    expect(ClassificationReport.parse(report)).toEqual(report);
    const broken = { ...report, byRaw: [{ raw: 0, probability: 1.5 }, ...byRaw.slice(1)] };
    expect(ClassificationReport.safeParse(broken).success).toBe(false);
  });
});
