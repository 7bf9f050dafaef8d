import { checkResponses, itemTotals, rawScores, type ResponseMatrix } from './responses';

export interface Kr20 {
  kr20: number;
  /** Raw-score standard deviation (population, divide by N). */
  sd: number;
  /** Classical standard error of measurement, SD sqrt(1 - KR-20), in raw-score points. */
  sem: number;
}

/**
 * KR-20 (Kuder & Richardson 1937) = (k / (k - 1)) (1 - sum p q / var(X)), with p the share correct per item and
 * var(X) the raw-score variance; both with N in the denominator, so it equals Cronbach's alpha on 0/1 items.
 */
export function kr20(responses: ResponseMatrix): Kr20 {
  const k = checkResponses(responses, 2);
  const n = responses.length;
  const raw = rawScores(responses);
  const mean = raw.reduce((s, x) => s + x, 0) / n;
  const variance = raw.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  const pq = itemTotals(responses, k).reduce((sum, total) => sum + (total / n) * (1 - total / n), 0);
  return kr20FromMoments(k, pq, variance);
}

/**
 * The formula itself, from the moments: k items, sum p q over the items and the raw-score variance (both with N
 * in the denominator). The one home of KR-20 and the classical SEM: the engine feeds it a response matrix, the
 * review dashboard (src/server/review/reliability.ts) the sums its SQL computes. A variance of 0 gives 0.
 */
export function kr20FromMoments(k: number, sumPQ: number, variance: number): Kr20 {
  const value = variance > 0 ? (k / (k - 1)) * (1 - sumPQ / variance) : 0;
  const sd = Math.sqrt(Math.max(0, variance));
  return { kr20: value, sd, sem: sd * Math.sqrt(Math.max(0, 1 - value)) };
}

/**
 * Lord's binomial error of a raw score x on n items, sqrt(x (n - x) / (n - 1)): about 2.9 at 28 of 40, which is
 * why scores from about 25 to 31 are genuinely uncertain.
 */
export function lordBinomialSem(x: number, n: number): number {
  return Math.sqrt((x * (n - x)) / (n - 1));
}
