import { Z_95 } from './normal';
import type { DifGroup } from './dif';
import { checkResponses, type ResponseMatrix } from './responses';

export interface MatchedRow {
  group: DifGroup;
  /** The matching variable: an ability band or a score on anchor items, never the outcome itself. */
  stratum: number;
  score: number;
}

export interface MatchedDifference {
  /** Focal minus reference, averaged over strata with the focal group's weights (standardization). */
  difference: number;
  se: number;
  low: number;
  high: number;
  /** Sittings in strata where both groups are present: only those are compared. */
  reference: number;
  focal: number;
}

/**
 * The score difference between two condition groups at equal ability, by standardization (Dorans & Kulick 1986):
 * D = sum_s w_s (mean_focal,s - mean_reference,s), w_s the focal group's share in stratum s. Its variance is
 * sum_s w_s^2 (var_focal,s / n_focal,s + var_reference,s / n_reference,s), each within-stratum variance with
 * n - 1 and, for a cell of one sitting, the pooled within-stratum variance; the interval is D +- 1.96 SE.
 */
export function matchedScoreDifference(rows: readonly MatchedRow[]): MatchedDifference {
  const cells = new Map<number, { reference: number[]; focal: number[] }>();
  for (const row of rows) {
    if (!row.group) continue;
    const cell = cells.get(row.stratum) ?? { reference: [], focal: [] };
    cell[row.group].push(row.score);
    cells.set(row.stratum, cell);
  }
  const both = [...cells.values()].filter((c) => c.reference.length > 0 && c.focal.length > 0);
  const focal = both.reduce((s, c) => s + c.focal.length, 0);
  const reference = both.reduce((s, c) => s + c.reference.length, 0);
  if (focal === 0) throw new RangeError('te weinig gegevens: geen stratum met beide groepen');
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const squares = (xs: readonly number[]) => {
    const m = mean(xs);
    return xs.reduce((s, x) => s + (x - m) ** 2, 0);
  };
  let pooledSquares = 0;
  let pooledDf = 0;
  for (const c of both)
    for (const xs of [c.reference, c.focal]) {
      pooledSquares += squares(xs);
      pooledDf += xs.length - 1;
    }
  const pooled = pooledDf > 0 ? pooledSquares / pooledDf : 0;
  const cellVariance = (xs: readonly number[]) => (xs.length > 1 ? squares(xs) / (xs.length - 1) : pooled);
  let difference = 0;
  let variance = 0;
  for (const c of both) {
    const w = c.focal.length / focal;
    difference += w * (mean(c.focal) - mean(c.reference));
    variance +=
      w * w * (cellVariance(c.focal) / c.focal.length + cellVariance(c.reference) / c.reference.length);
  }
  const se = Math.sqrt(variance);
  return { difference, se, low: difference - Z_95 * se, high: difference + Z_95 * se, reference, focal };
}

/**
 * The raw-score difference on the studied items between two groups matched on their score on the anchor items
 * (typically the items DIF classed A): how many points the condition costs the focal group at equal ability.
 * Matching on the total score instead would force the total difference to zero, so the anchor is required.
 */
export function conditionEffect(
  responses: ResponseMatrix,
  groups: readonly DifGroup[],
  anchorItems: readonly number[],
): MatchedDifference {
  const k = checkResponses(responses);
  const anchor = new Set(anchorItems);
  if (anchor.size === 0 || anchor.size === k)
    throw new RangeError('het anker moet een deel van de items zijn, niet geen en niet alle');
  return matchedScoreDifference(
    responses.map((row, v) => ({
      group: groups[v] ?? null,
      stratum: row.reduce((s, x, i) => s + (anchor.has(i) ? x : 0), 0),
      score: row.reduce((s, x, i) => s + (anchor.has(i) ? 0 : x), 0),
    })),
  );
}
