/**
 * Classical test statistics of a gemeente's completed results: mean, SD, KR-20, SEM and per-item p-values and
 * item-rest correlations. One pass over the review tally gives sums only (n, sum T, sum T^2, and per item the number
 * correct and the sum of T over those who got it right); the formulas below turn sums into statistics, KR-20 and the SEM
 * by the psychometric engine's own formula (kr20FromMoments, src/shared/psychometrics/classical.ts). Only results
 * of the item package of the most recent result count: item positions mean nothing across packages.
 */
import type { Kysely } from 'kysely';
import { kr20FromMoments } from '../../shared/psychometrics';
import type { ReliabilityResponse, ReviewFilters } from '../../shared/review';
import type { Database } from '../db/tables';
import { latestResult, referenceOf } from './distribution';
import { matchingRows } from './tally/scan';
import { WORDS } from './tally/store';
import { tallyFor } from './tally/sync';

export interface Sums {
  n: number;
  sumT: number;
  sumT2: number;
  /** Per item: how many answered it correctly. */
  correct: number[];
  /** Per item: the sum of total scores of those who answered it correctly. */
  sumTCorrect: number[];
}

export interface Statistics {
  mean: number | null;
  sd: number | null;
  kr20: number | null;
  sem: number | null;
  items: Array<{ p: number; itemRest: number | null }>;
}

const EPS = 1e-12;

/** Population moments throughout (divide by n), as KR-20 is defined. */
export function statistics(s: Sums): Statistics {
  const k = s.correct.length;
  if (s.n === 0) return { mean: null, sd: null, kr20: null, sem: null, items: [] };
  const mean = s.sumT / s.n;
  const varT = Math.max(0, s.sumT2 / s.n - mean * mean);
  const sd = Math.sqrt(varT);
  const p = s.correct.map((c) => c / s.n);
  const sumPQ = p.reduce((acc, pi) => acc + pi * (1 - pi), 0);
  // The engine's formula (one home); with fewer than 2 results or items, or no spread, there is no KR-20 at all.
  const classical = s.n >= 2 && k >= 2 && varT > EPS ? kr20FromMoments(k, sumPQ, varT) : null;
  const kr20 = classical?.kr20 ?? null;
  const sem = classical?.sem ?? null;
  const items = p.map((pi, i) => {
    // X = item score, Y = rest score T - X.
    const eXT = s.sumTCorrect[i]! / s.n;
    const cov = eXT - pi - pi * (mean - pi);
    const varX = pi * (1 - pi);
    const varY = s.sumT2 / s.n - 2 * eXT + pi - (mean - pi) ** 2;
    const itemRest =
      varX > EPS && varY > EPS ? Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY))) : null;
    return { p: pi, itemRest };
  });
  return { mean, sd, kr20, sem, items };
}

/** The sums over the completed results of one package under the filters: one pass over the review tally. */
async function sums(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  packageHash: string,
  k: number,
): Promise<Sums> {
  if (k > WORDS * 32) throw new Error(`reliability: ${k} items, the tally holds answers for ${WORDS * 32}`);
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const raws = tally.store.dictionaries.raw.values as number[];
  const n = { count: 0, sumT: 0, sumT2: 0 };
  // Per byte of the answers (8 items), score code and byte value, how many rows had it: one add per byte per
  // row instead of one per item; the bytes are spread into items at the end.
  const bytes = Math.ceil(k / 8);
  const byByte = new Float64Array(bytes * raws.length * 256);
  const matched = matchingRows(tally.store, segments, filters, {
    completedOnly: true,
    also: [{ column: 'package_hash', value: packageHash }],
  });
  for (const { segment, rows } of matched) {
    const rawData = segment.coded.raw.data;
    const right = segment.right.data;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!;
      const code = rawData[i]!;
      const t = raws[code]!;
      n.count++;
      n.sumT += t;
      n.sumT2 += t * t;
      for (let b = 0; b < bytes; b++) {
        const value = (right[i * WORDS + (b >>> 2)]! >>> ((b & 3) * 8)) & 255;
        byByte[(b * raws.length + code) * 256 + value]! += 1;
      }
    }
  }
  const rightByScore = new Float64Array(raws.length * k);
  for (let b = 0; b < bytes; b++) {
    for (let code = 1; code < raws.length; code++) {
      for (let value = 1; value < 256; value++) {
        const rowsWith = byByte[(b * raws.length + code) * 256 + value]!;
        if (rowsWith === 0) continue;
        for (let bit = 0; bit < 8 && b * 8 + bit < k; bit++) {
          if (value & (1 << bit)) rightByScore[code * k + b * 8 + bit]! += rowsWith;
        }
      }
    }
  }
  const s: Sums = {
    n: n.count,
    sumT: n.sumT,
    sumT2: n.sumT2,
    correct: new Array<number>(k).fill(0),
    sumTCorrect: new Array<number>(k).fill(0),
  };
  for (let code = 1; code < raws.length; code++) {
    for (let item = 0; item < k; item++) {
      const right = rightByScore[code * k + item]!;
      s.correct[item]! += right;
      s.sumTCorrect[item]! += right * raws[code]!;
    }
  }
  return s;
}

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export async function reliability(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  withItems: boolean,
): Promise<ReliabilityResponse> {
  const found = await latestResult(db, gemeente, filters);
  const ref = referenceOf(found);
  const latest = found
    ? await db
        .selectFrom('results')
        .select(['package_hash', 'envelope'])
        .where('result_id', '=', found.segment.idAt(found.i))
        .executeTakeFirst()
    : undefined;
  const k = ref.max;
  const s: Sums = latest
    ? await sums(db, gemeente, filters, latest.package_hash, k)
    : { n: 0, sumT: 0, sumT2: 0, correct: [], sumTCorrect: [] };
  const stats = statistics(s);
  const ids = latest ? itemIds(latest.envelope, k) : null;
  return {
    n: s.n,
    items: k,
    mean: round(stats.mean, 2),
    sd: round(stats.sd, 2),
    kr20: round(stats.kr20, 3),
    sem: round(stats.sem, 2),
    cesuur: ref.cesuur,
    twijfelzoneConfigured: ref.twijfelzone,
    twijfelzoneSem:
      stats.sem === null
        ? null
        : { from: round(ref.cesuur - stats.sem, 1)!, to: round(ref.cesuur + stats.sem, 1)! },
    itemStatistics: withItems
      ? stats.items.map((item, i) => ({
          position: i + 1,
          itemId: ids?.[i] ?? null,
          p: round(item.p, 3)!,
          itemRest: round(item.itemRest, 3),
        }))
      : null,
  };
}

/** Item ids by position, when the stored record lists exactly the scored items. */
function itemIds(envelope: string, k: number): string[] | null {
  try {
    const items = (JSON.parse(envelope) as { payload?: { items?: Array<{ itemId?: unknown }> } }).payload
      ?.items;
    if (!Array.isArray(items) || items.length !== k) return null;
    return items.map((i) => String(i.itemId));
  } catch {
    return null;
  }
}
