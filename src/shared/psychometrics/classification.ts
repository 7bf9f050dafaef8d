import { isHaalbaar } from '../scoring/rules';
import { thetaForTrueScore, type AbilityRow } from './ability';
import { normalCdf } from './normal';
import { raschProbability } from './rasch';

/**
 * Rudner's IRT method (Rudner 2001, 2005, Practical Assessment, Research & Evaluation 7(14) and 10(13)): the
 * cesuur c is placed on the ability scale where the true score equals c, theta_c = T^-1(c); a sitting with raw
 * score x has ability estimate theta_x with standard error se_x, and the probability that its true score is at or
 * above the cesuur is 1 - Phi((theta_c - theta_x) / se_x).
 */
export function probabilityAtOrAboveCut(row: AbilityRow, thetaCut: number): number {
  return 1 - normalCdf((thetaCut - row.theta) / row.se);
}

/** P(X = x | theta) for x = 0..k by the Lord-Wingersky recursion, adding one item at a time. */
export function scoreDistribution(theta: number, difficulties: readonly number[]): number[] {
  let dist = [1];
  for (const b of difficulties) {
    const p = raschProbability(theta, b);
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, x) => {
      next[x]! += q * (1 - p);
      next[x + 1]! += q * p;
    });
    dist = next;
  }
  return dist;
}

export interface ScoreProbability {
  raw: number;
  /** Probability that the true score is at or above the cesuur, given this raw score. */
  probability: number;
}

export interface ClassificationAccuracy {
  cesuur: number;
  /** The cesuur on the ability scale, T^-1(cesuur). */
  thetaCut: number;
  /** Expected share of sittings whose observed side of the cesuur is their true side. */
  accuracy: number;
  /** Expected share that a second, parallel sitting would put on the same side. */
  consistency: number;
  byRaw: ScoreProbability[];
}

/** Gauss-Hermite-free quadrature: 41 points over +-4 SE of the normal, weights renormalised. */
const NODES = Array.from({ length: 41 }, (_, i) => -4 + i * 0.2);
const WEIGHTS = (() => {
  const w = NODES.map((z) => Math.exp((-z * z) / 2));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
})();

/**
 * Accuracy and consistency at the cesuur for the observed raw-score counts (countByRaw[x] sittings scored x).
 * Accuracy (Rudner): the mean over sittings of the probability that the true score is on the side the observed
 * score is on. Consistency: the mean over sittings of the probability that an independent second sitting with the
 * same items lands on the same side, with the ability distributed N(theta_x, se_x^2) and the second score
 * distributed by the Rasch model (Lord-Wingersky) at each ability.
 */
export function classificationAccuracy(
  cesuur: number,
  difficulties: readonly number[],
  table: readonly AbilityRow[],
  countByRaw: readonly number[],
): ClassificationAccuracy {
  if (difficulties.length + 1 !== table.length) throw new RangeError('de tabel past niet bij de items');
  const thetaCut = thetaForTrueScore(cesuur, difficulties);
  const byRaw = table.map((row) => ({ raw: row.raw, probability: probabilityAtOrAboveCut(row, thetaCut) }));
  // At 0 and k the information vanishes and Warm's SE is large, which alone would make 0 correct look likelier
  // above the cesuur than 1 correct (and k less likely than k - 1). An extreme score is held to its neighbour.
  const k = table.length - 1;
  byRaw[0]!.probability = Math.min(byRaw[0]!.probability, byRaw[1]!.probability);
  byRaw[k]!.probability = Math.max(byRaw[k]!.probability, byRaw[k - 1]!.probability);
  const n = countByRaw.reduce((s, x) => s + x, 0);
  let accuracy = 0;
  let consistency = 0;
  table.forEach((row, x) => {
    const count = countByRaw[x] ?? 0;
    if (count === 0) return;
    const above = isHaalbaar(x, cesuur);
    const p = byRaw[x]!.probability;
    accuracy += count * (above ? p : 1 - p);
    let same = 0;
    NODES.forEach((z, q) => {
      const dist = scoreDistribution(row.theta + z * row.se, difficulties);
      const pAbove = dist.reduce((s, px, score) => s + (isHaalbaar(score, cesuur) ? px : 0), 0);
      same += WEIGHTS[q]! * (above ? pAbove : 1 - pAbove);
    });
    consistency += count * same;
  });
  return { cesuur, thetaCut, accuracy: accuracy / n, consistency: consistency / n, byRaw };
}
