import { z } from 'zod';
import { CHI2_1_05, Z_ONE_SIDED_95 } from './normal';
import { checkResponses, type ResponseMatrix } from './responses';

/** One 2 x 2 table of a score stratum: reference right/wrong (a, b), focal right/wrong (c, d). */
export interface Stratum {
  a: number;
  b: number;
  c: number;
  d: number;
}

export const EtsClass = z.enum(['A', 'B', 'C']);
export type EtsClass = z.infer<typeof EtsClass>;

/** Per group at least this many sittings before a DIF class is given (psychometrics.md: "say 100 per group"). */
export const DIF_MINIMUM_GROUP = 100;
export const TOO_FEW = 'te weinig gegevens';

export interface MantelHaenszel {
  /** Common odds ratio alpha_MH: above 1 the item favours the reference group. */
  alpha: number;
  /** MH D-DIF = -2.35 ln(alpha): negative when the item is harder for the focal group at equal score. */
  deltaMh: number;
  /** SE of MH D-DIF: 2.35 times the Robins-Breslow-Greenland SE of ln(alpha). */
  se: number;
  /** MH chi-square with continuity correction, one degree of freedom. */
  chiSquare: number;
}

/**
 * Mantel-Haenszel over score strata (Holland & Thayer 1988). Strata with only one group in them carry no
 * information and drop out of every sum. Variance of ln(alpha) by Robins, Breslow & Greenland (1986).
 */
export function mantelHaenszel(strata: readonly Stratum[]): MantelHaenszel {
  let r = 0;
  let s = 0;
  let pr = 0;
  let psqr = 0;
  let qs = 0;
  let sumA = 0;
  let expectedA = 0;
  let varianceA = 0;
  for (const { a, b, c, d } of strata) {
    const t = a + b + c + d;
    const nRef = a + b;
    const nFoc = c + d;
    if (nRef === 0 || nFoc === 0 || t < 2) continue;
    const right = a + c;
    const wrong = b + d;
    const ri = (a * d) / t;
    const si = (b * c) / t;
    const pi = (a + d) / t;
    const qi = (b + c) / t;
    r += ri;
    s += si;
    pr += pi * ri;
    psqr += pi * si + qi * ri;
    qs += qi * si;
    sumA += a;
    expectedA += (nRef * right) / t;
    varianceA += (nRef * nFoc * right * wrong) / (t * t * (t - 1));
  }
  const alpha = r / s;
  const lnVariance = pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s);
  const chiSquare = varianceA > 0 ? Math.max(0, Math.abs(sumA - expectedA) - 0.5) ** 2 / varianceA : 0;
  return { alpha, deltaMh: -2.35 * Math.log(alpha), se: 2.35 * Math.sqrt(lnVariance), chiSquare };
}

/**
 * The ETS classes (Zieky 1993; Dorans & Holland 1993): A when |D| < 1 or the MH chi-square is not significant at
 * 5%; C when |D| >= 1.5 and |D| is significantly above 1 (one-sided 5%: (|D| - 1) / SE > 1.645); B otherwise.
 */
export function etsClass({ deltaMh, se, chiSquare }: MantelHaenszel): EtsClass {
  const size = Math.abs(deltaMh);
  if (!Number.isFinite(size)) return chiSquare > CHI2_1_05 ? 'C' : 'A';
  if (size < 1 || chiSquare <= CHI2_1_05) return 'A';
  if (size >= 1.5 && (size - 1) / se > Z_ONE_SIDED_95) return 'C';
  return 'B';
}

export type DifGroup = 'reference' | 'focal' | null;

export type ItemDif =
  | ({ item: number; reference: number; focal: number; class: EtsClass } & MantelHaenszel)
  | { item: number; reference: number; focal: number; class: typeof TOO_FEW };

/**
 * DIF for every item between a reference and a focal group (null: the sitting is in neither), matched on a raw
 * score with the studied item included, as Holland & Thayer advise for the Rasch model. Two stages, as at ETS
 * (Holland & Thayer 1988; Zwick, ETS RR-12-08): first matched on the total score; then on the score over the
 * items classed A in the first stage plus the studied item, so that items with DIF do not bend the matching
 * score of the others. With fewer than `minimumGroup` sittings in either group no class is given:
 * "te weinig gegevens".
 */
export function difByItem(
  responses: ResponseMatrix,
  groups: readonly DifGroup[],
  minimumGroup = DIF_MINIMUM_GROUP,
): ItemDif[] {
  const k = checkResponses(responses);
  if (groups.length !== responses.length)
    throw new RangeError(`${groups.length} groepen voor ${responses.length} afnames`);
  const reference = groups.filter((g) => g === 'reference').length;
  const focal = groups.filter((g) => g === 'focal').length;
  if (reference < minimumGroup || focal < minimumGroup)
    return Array.from({ length: k }, (_, item) => ({ item, reference, focal, class: TOO_FEW }));
  const all = Array.from({ length: k }, (_, i) => i);
  const first = all.map((item) => mhFor(responses, groups, item, all));
  const anchor = all.filter((i) => etsClass(first[i]!) === 'A');
  // With no clean anchor the first stage stands: there is nothing better to match on.
  const second = anchor.length === 0 ? first : all.map((item) => mhFor(responses, groups, item, anchor));
  return second.map((mh, item) => ({ item, reference, focal, ...mh, class: etsClass(mh) }));
}

/** MH for one item, matched on the score over `matching` plus the item itself. */
function mhFor(
  responses: ResponseMatrix,
  groups: readonly DifGroup[],
  item: number,
  matching: readonly number[],
): MantelHaenszel {
  const items = matching.includes(item) ? matching : [...matching, item];
  const strata: Stratum[] = Array.from({ length: items.length + 1 }, () => ({ a: 0, b: 0, c: 0, d: 0 }));
  responses.forEach((row, v) => {
    const group = groups[v];
    if (!group) return;
    const cell = strata[items.reduce((s, i) => s + row[i]!, 0)]!;
    const right = row[item] === 1;
    if (group === 'reference') {
      if (right) cell.a++;
      else cell.b++;
    } else if (right) cell.c++;
    else cell.d++;
  });
  return mantelHaenszel(strata);
}
