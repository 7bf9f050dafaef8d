import { raschProbability } from './rasch';

/** Test information at theta: sum_i P_i (1 - P_i). */
export function testInformation(theta: number, difficulties: readonly number[]): number {
  return difficulties.reduce((sum, b) => {
    const p = raschProbability(theta, b);
    return sum + p * (1 - p);
  }, 0);
}

/** The expected raw score at theta (the true score): sum_i P_i. */
export function trueScore(theta: number, difficulties: readonly number[]): number {
  return difficulties.reduce((sum, b) => sum + raschProbability(theta, b), 0);
}

/** The bisection bracket, in logits: far beyond any ability an LBT sitting can show. */
const LOW = -20;
const HIGH = 20;

/** Solves f(theta) = 0 by bisection for an f that is positive at LOW and negative at HIGH. */
function bisect(f: (theta: number) => number): number {
  let low = LOW;
  let high = HIGH;
  for (let n = 0; n < 100 && high - low > 1e-10; n++) {
    const mid = (low + high) / 2;
    if (f(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The ability whose true score is `score` (0 < score < k), e.g. the cesuur on the ability scale. */
export function thetaForTrueScore(score: number, difficulties: readonly number[]): number {
  if (!(score > 0 && score < difficulties.length))
    throw new RangeError(`een ware score moet tussen 0 en ${difficulties.length} liggen, niet ${score}`);
  return bisect((theta) => score - trueScore(theta, difficulties));
}

/**
 * Warm's weighted likelihood estimate for raw score r: the root of r - sum P + J / (2 I), with
 * J = sum P (1 - P)(1 - 2P). Unlike the maximum likelihood estimate it is finite at 0 and k, so every raw score,
 * the extremes too, gets an ability; and it has less bias (Warm 1989, Psychometrika 54).
 */
export function warmEstimate(raw: number, difficulties: readonly number[]): number {
  return bisect((theta) => {
    let expected = 0;
    let info = 0;
    let j = 0;
    for (const b of difficulties) {
      const p = raschProbability(theta, b);
      expected += p;
      info += p * (1 - p);
      j += p * (1 - p) * (1 - 2 * p);
    }
    return raw - expected + j / (2 * info);
  });
}

export interface AbilityRow {
  raw: number;
  /** Warm's estimate, logits. */
  theta: number;
  /** 1 / sqrt(I(theta)), logits. */
  se: number;
  /** 0 or all correct: the estimate is a weighted-likelihood value, not a measured one. */
  extreme: boolean;
}

/** The raw-score-to-ability table: for complete sittings the raw score is sufficient, so this table is exact. */
export function abilityTable(difficulties: readonly number[]): AbilityRow[] {
  const k = difficulties.length;
  return Array.from({ length: k + 1 }, (_, raw) => {
    const theta = warmEstimate(raw, difficulties);
    return {
      raw,
      theta,
      se: 1 / Math.sqrt(testInformation(theta, difficulties)),
      extreme: raw === 0 || raw === k,
    };
  });
}

export interface InformationPoint {
  theta: number;
  information: number;
  /** Standard error of measurement in logits: 1 / sqrt(I). */
  semLogits: number;
  /** The same in raw-score points: the SD of the raw score at this ability, sqrt(I) under Rasch. */
  semRaw: number;
  /** The expected raw score at this ability, so the curve can be read along the score scale. */
  trueScore: number;
}

/** Test information and SEM on a grid of abilities (default -4 to 4 logits in steps of 0.25). */
export function informationCurve(
  difficulties: readonly number[],
  grid: readonly number[] = Array.from({ length: 33 }, (_, i) => -4 + i * 0.25),
): InformationPoint[] {
  return grid.map((theta) => {
    const information = testInformation(theta, difficulties);
    return {
      theta,
      information,
      semLogits: 1 / Math.sqrt(information),
      semRaw: Math.sqrt(information),
      trueScore: trueScore(theta, difficulties),
    };
  });
}
