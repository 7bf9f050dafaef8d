import { describe, expect, it } from 'vitest';
import {
  elementarySymmetricFunctions,
  estimateCml,
  invertMatrix,
  PsychometricsInputError,
  raschProbability,
} from '../../../../../src/shared/psychometrics';

describe('elementarySymmetricFunctions', () => {
  it('gives the sums of products of 0, 1, 2 and 3 of eps = 1, 2, 3', () => {
    // gamma_1 = 1 + 2 + 3, gamma_2 = 1*2 + 1*3 + 2*3, gamma_3 = 1*2*3.
    expect(elementarySymmetricFunctions([1, 2, 3])).toEqual([1, 6, 11, 6]);
  });
});

describe('invertMatrix', () => {
  it('inverts a 2 x 2 matrix', () => {
    const inverse = invertMatrix([
      [4, 7],
      [2, 6],
    ]);
    expect(inverse[0]![0]).toBeCloseTo(0.6, 12);
    expect(inverse[0]![1]).toBeCloseTo(-0.7, 12);
    expect(inverse[1]![0]).toBeCloseTo(-0.2, 12);
    expect(inverse[1]![1]).toBeCloseTo(0.4, 12);
  });
  it('refuses a singular matrix', () => {
    expect(() =>
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow(/singulier/);
  });
});

describe('raschProbability', () => {
  it('is one half where ability equals difficulty, and logistic around it', () => {
    expect(raschProbability(0.3, 0.3)).toBe(0.5);
    expect(raschProbability(1, 0)).toBeCloseTo(Math.E / (1 + Math.E), 12);
  });
});

describe('estimateCml', () => {
  // Two items: only sittings with one correct answer inform, and CML is b2 - b1 = ln(n10 / n01) in closed form,
  // with Var(b2 - b1) = n / (n10 n01) for n = n10 + n01.
  const rows = (pattern: number[], count: number) => Array.from({ length: count }, () => pattern);
  const responses = [...rows([1, 0], 30), ...rows([0, 1], 10), ...rows([1, 1], 7), ...rows([0, 0], 5)];

  it('recovers the closed form for two items, centred to sum zero', () => {
    const estimate = estimateCml(responses);
    expect(estimate.difficulties[0]).toBeCloseTo(-Math.log(3) / 2, 8);
    expect(estimate.difficulties[1]).toBeCloseTo(Math.log(3) / 2, 8);
    expect(estimate.standardErrors[0]).toBeCloseTo(Math.sqrt(40 / 300) / 2, 8);
    expect(estimate.informative).toBe(40);
  });

  it('sets expected item scores equal to the observed ones (the CML equations) for three items', () => {
    const data = [
      ...rows([1, 0, 0], 12),
      ...rows([0, 1, 0], 8),
      ...rows([0, 0, 1], 5),
      ...rows([1, 1, 0], 9),
      ...rows([1, 0, 1], 6),
      ...rows([0, 1, 1], 4),
    ];
    const { difficulties } = estimateCml(data);
    const eps = difficulties.map((b) => Math.exp(-b));
    const gamma = elementarySymmetricFunctions(eps);
    const expected = eps.map((e, i) => {
      const rest = elementarySymmetricFunctions(eps.filter((_, j) => j !== i));
      return 25 * ((e * rest[0]!) / gamma[1]!) + 19 * ((e * rest[1]!) / gamma[2]!);
    });
    expect(expected[0]).toBeCloseTo(12 + 9 + 6, 6);
    expect(expected[1]).toBeCloseTo(8 + 9 + 4, 6);
    expect(expected[2]).toBeCloseTo(5 + 6 + 4, 6);
    expect(difficulties.reduce((s, b) => s + b, 0)).toBeCloseTo(0, 10);
  });

  it('refuses an item that every informative sitting answered correctly, naming it', () => {
    const data = [...rows([1, 0], 5), ...rows([1, 1], 5)];
    expect(() => estimateCml(data)).toThrow(PsychometricsInputError);
    expect(() => estimateCml(data)).toThrow(/item 1 is door iedereen goed beantwoord/);
  });

  it('refuses answers that are not 0 or 1, and ragged rows, with the sitting named', () => {
    expect(() =>
      estimateCml([
        [1, 0],
        [2, 0],
      ]),
    ).toThrow(/afname 2, item 1: antwoord 2 is geen 0 of 1/);
    expect(() => estimateCml([[1, 0], [1]])).toThrow(/afname 2 heeft 1 antwoorden, verwacht 2/);
  });
});
