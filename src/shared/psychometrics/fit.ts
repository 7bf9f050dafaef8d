import type { AbilityRow } from './ability';
import { raschProbability } from './rasch';
import { rawScores, type ResponseMatrix } from './responses';

export interface ItemFit {
  /** Information-weighted mean square: sum (x - P)^2 / sum P(1 - P). Sensitive to misfit near the item. */
  infit: number;
  /** Unweighted mean square: the mean of (x - P)^2 / (P(1 - P)). Sensitive to surprising answers far away. */
  outfit: number;
}

/**
 * Infit and outfit mean squares per item (Wright & Masters, Rating Scale Analysis, 1982), with each sitting at
 * the Warm estimate of its raw score. Sittings with 0 or all correct are left out: their residuals say nothing
 * about fit. Both are 1.0 in expectation; 0.7-1.3 is the usual band. Reported, never used to drop an item.
 */
export function itemFit(
  responses: ResponseMatrix,
  difficulties: readonly number[],
  table: readonly AbilityRow[],
): ItemFit[] {
  const k = difficulties.length;
  const raw = rawScores(responses);
  const squared = new Array<number>(k).fill(0);
  const variance = new Array<number>(k).fill(0);
  const standardized = new Array<number>(k).fill(0);
  let persons = 0;
  responses.forEach((row, v) => {
    const row_ = table[raw[v]!]!;
    if (row_.extreme) return;
    persons++;
    row.forEach((x, i) => {
      const p = raschProbability(row_.theta, difficulties[i]!);
      const w = p * (1 - p);
      squared[i]! += (x - p) ** 2;
      variance[i]! += w;
      standardized[i]! += (x - p) ** 2 / w;
    });
  });
  return difficulties.map((_, i) => ({
    infit: squared[i]! / variance[i]!,
    outfit: persons === 0 ? Number.NaN : standardized[i]! / persons,
  }));
}

/**
 * Person separation reliability: the share of the observed variance of the ability estimates that is not error,
 * (var(theta) - mean(SE^2)) / var(theta), over every sitting at the Warm estimate of its raw score (the extremes
 * included, since Warm's estimate is finite). The Rasch counterpart of KR-20.
 */
export function personSeparationReliability(responses: ResponseMatrix, table: readonly AbilityRow[]): number {
  const rows = rawScores(responses).map((r) => table[r]!);
  const n = rows.length;
  const mean = rows.reduce((s, row) => s + row.theta, 0) / n;
  const variance = rows.reduce((s, row) => s + (row.theta - mean) ** 2, 0) / n;
  const error = rows.reduce((s, row) => s + row.se ** 2, 0) / n;
  return variance > 0 ? Math.max(0, (variance - error) / variance) : 0;
}
