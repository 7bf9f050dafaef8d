import { invertMatrix } from './matrix';
import { checkResponses, PsychometricsInputError, rawScores, type ResponseMatrix } from './responses';

/** Rasch: P(correct | theta, b) = exp(theta - b) / (1 + exp(theta - b)). */
export function raschProbability(theta: number, b: number): number {
  return 1 / (1 + Math.exp(b - theta));
}

/**
 * The elementary symmetric functions gamma_0..gamma_k of eps (eps_i = exp(-b_i)) by the summation algorithm: add
 * one item at a time, gamma_r += eps_i * gamma_(r-1), from the top down. Only additions of positive terms, so it
 * is stable in double precision (Fischer & Molenaar, Rasch Models, 1995, ch. 3).
 */
export function elementarySymmetricFunctions(eps: readonly number[]): number[] {
  const gamma = new Array<number>(eps.length + 1).fill(0);
  gamma[0] = 1;
  eps.forEach((e, n) => {
    for (let r = n + 1; r >= 1; r--) gamma[r] = gamma[r]! + e * gamma[r - 1]!;
  });
  return gamma;
}

function withoutItems(eps: readonly number[], skip: ReadonlySet<number>): number[] {
  return elementarySymmetricFunctions(eps.filter((_, i) => !skip.has(i)));
}

export interface CmlEstimate {
  /** Item difficulties in logits, identified by sum(b) = 0. */
  difficulties: number[];
  /** Standard errors from the inverse CML information under the same identification. */
  standardErrors: number[];
  /** The full covariance matrix of the difficulties. */
  covariance: number[][];
  iterations: number;
  /** Sittings used: those with a raw score of 0 or k carry no information on the items under CML. */
  informative: number;
}

/**
 * Item difficulties by conditional maximum likelihood (Andersen 1970; Fischer & Molenaar 1995): the likelihood of
 * the responses given each sitting's raw score does not depend on ability, so the difficulties are estimated
 * without any assumption on the ability distribution. Newton-Raphson on the full information matrix
 * I_ij = sum_r n_r Cov(X_i, X_j | r), with b_1 fixed at 0 while iterating and the result centred to sum(b) = 0.
 */
export function estimateCml(
  responses: ResponseMatrix,
  options: { tolerance?: number; maxIterations?: number } = {},
): CmlEstimate {
  const k = checkResponses(responses, 2);
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const raw = rawScores(responses);
  const countByRaw = new Array<number>(k + 1).fill(0);
  const itemScore = new Array<number>(k).fill(0);
  let informative = 0;
  for (let v = 0; v < responses.length; v++) {
    const r = raw[v]!;
    if (r === 0 || r === k) continue;
    informative++;
    countByRaw[r]!++;
    const row = responses[v]!;
    for (let i = 0; i < k; i++) itemScore[i]! += row[i]!;
  }
  itemScore.forEach((s, i) => {
    if (s === 0 || s === informative)
      throw new PsychometricsInputError(
        `item ${i + 1} is door ${s === 0 ? 'niemand' : 'iedereen'} goed beantwoord (afnames met score 0 of ${k} niet meegeteld): de moeilijkheid is niet te schatten`,
      );
  });

  let b = itemScore.map((s) => Math.log((informative - s) / s));
  b = center(b);
  let iterations = 0;
  let information: number[][];
  for (;;) {
    const { gradient, info } = gradientAndInformation(b, countByRaw, itemScore);
    information = info;
    if (iterations >= maxIterations) break;
    iterations++;
    // b_1 is held fixed (the likelihood does not change when every b moves together); solve for the others.
    const free = invertMatrix(info.slice(1).map((row) => row.slice(1)));
    let step = free.map((row) => row.reduce((sum, x, j) => sum + x * gradient[j + 1]!, 0));
    // Newton step on the free difficulties; a step of more than one logit is shortened, which only matters for
    // a poor start on very small samples.
    const largest = Math.max(...step.map(Math.abs));
    if (largest > 1) step = step.map((s) => s / largest);
    b = b.map((x, i) => (i === 0 ? x : x + step[i - 1]!));
    b = center(b);
    if (largest < tolerance) break;
  }
  const freeCovariance = invertMatrix(information.slice(1).map((row) => row.slice(1)));
  const covariance = centeredCovariance(freeCovariance, k);
  return {
    difficulties: b,
    standardErrors: covariance.map((row, i) => Math.sqrt(row[i]!)),
    covariance,
    iterations,
    informative,
  };
}

function center(b: readonly number[]): number[] {
  const mean = b.reduce((sum, x) => sum + x, 0) / b.length;
  return b.map((x) => x - mean);
}

/**
 * The gradient d lnL / d b and the information matrix I (the negative Hessian) of the conditional log-likelihood
 * lnL = -sum_i s_i b_i - sum_r n_r ln gamma_r, from the ESF of all items, of all but one and of all but two. The
 * Newton step is then b += I^-1 gradient.
 */
function gradientAndInformation(
  b: readonly number[],
  countByRaw: readonly number[],
  itemScore: readonly number[],
): { gradient: number[]; info: number[][] } {
  const k = b.length;
  const eps = b.map((x) => Math.exp(-x));
  const gamma = elementarySymmetricFunctions(eps);
  const without = eps.map((_, i) => withoutItems(eps, new Set([i])));
  // pi[r][i] = P(X_i = 1 | raw r) = eps_i gamma^(i)_(r-1) / gamma_r.
  const pi = countByRaw.map((_, r) =>
    eps.map((e, i) => (r === 0 ? 0 : (e * without[i]![r - 1]!) / gamma[r]!)),
  );
  // d lnL / d b_i = -s_i + sum_r n_r pi_ri: positive when the item was answered correctly less often than b says.
  const gradient = b.map(
    (_, i) => -itemScore[i]! + countByRaw.reduce((sum, n, r) => sum + n * pi[r]![i]!, 0),
  );
  const info = b.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let r = 1; r < k; r++) {
      const p = pi[r]![i]!;
      info[i]![i]! += countByRaw[r]! * p * (1 - p);
    }
    for (let j = i + 1; j < k; j++) {
      const pair = withoutItems(eps, new Set([i, j]));
      let sum = 0;
      for (let r = 2; r < k; r++) {
        const both = (eps[i]! * eps[j]! * pair[r - 2]!) / gamma[r]!;
        sum += countByRaw[r]! * (both - pi[r]![i]! * pi[r]![j]!);
      }
      info[i]![j] = sum;
      info[j]![i] = sum;
    }
  }
  return { gradient, info };
}

/**
 * The estimates were computed with b_1 = 0 and then centred: b' = C b with C = I - 11'/k, so their covariance is
 * C V C' with V the inverse information of the free difficulties (row and column of item 1 zero).
 */
function centeredCovariance(free: readonly (readonly number[])[], k: number): number[][] {
  const v = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === 0 || j === 0 ? 0 : free[i - 1]![j - 1]!)),
  );
  const rowMean = v.map((row) => row.reduce((s, x) => s + x, 0) / k);
  const colMean = v[0]!.map((_, j) => v.reduce((s, row) => s + row[j]!, 0) / k);
  const grand = rowMean.reduce((s, x) => s + x, 0) / k;
  return v.map((row, i) => row.map((x, j) => x - rowMean[i]! - colMean[j]! + grand));
}
