/**
 * The distribution view: histogram, band x route table and conform table of completed results, from one
 * count over (raw, cesuur, route, advice) plus the most recent result for the reference cesuur.
 */
import type { Kysely } from 'kysely';
import type { BandRow, DistributionResponse, ReviewFilters, RouteKey } from '../../shared/review';
import type { Database } from '../db/tables';
import { bandOf, bandsFor, conformTable, pct, ROUTES, type Group } from './bands';
import type { GemeenteScope } from './scope';
import { countBy, matchingRows } from './tally/scan';
import type { Segment } from './tally/store';
import { tallyFor, type ReviewTally } from './tally/sync';

/** The outcome of a pilot result: a score, no advice. */
const NO_ADVICE = 'geen-advies';

/** Used when a gemeente has no results yet: the cesuur in force since 2023. */
export const DEFAULT_CESUUR = 28;
const DEFAULT_MAX = 40;

export interface Reference {
  cesuur: number;
  max: number;
  twijfelzone: { from: number; to: number } | null;
}

/**
 * The groups (raw, own cesuur, route, advice) with counts: all the aggregation the views need, one pass over the
 * tally's columns (tally/scan.ts), filtered or not.
 */
export async function routeGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Group[]> {
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const [counted] = countBy(tally.store, segments, filters, { completedOnly: true }, [
    ['raw', 'cesuur', 'route', 'outcome'],
  ]);
  return counted!.map(({ values: [raw, cesuur, route, outcome], n }) => ({
    raw: raw as number,
    cesuur: cesuur as number,
    route: (route ?? 'onbekend') as RouteKey,
    advice: outcome !== NO_ADVICE,
    n,
  }));
}

/** A result as the tally holds it: row `i` of `segment`. */
export type LatestResult = { tally: ReviewTally; segment: Segment; i: number } | null;

/** The most recent completed result under the filters (by closing time, as the period filter reads it). */
export async function latestResult(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<LatestResult> {
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  let latest: { segment: Segment; i: number; at: number } | null = null;
  for (const { segment, rows } of matchingRows(tally.store, segments, filters, { completedOnly: true })) {
    const closed = segment.closedMs.data;
    for (let j = 0; j < rows.length; j++) {
      const at = closed[rows[j]!]!;
      if (!latest || at > latest.at) latest = { segment, i: rows[j]!, at };
    }
  }
  if (!latest) return null;
  const { segment, i } = latest as { segment: Segment; i: number };
  return { tally, segment, i };
}

/** The cesuur, maximum and configured twijfelzone of the most recent completed result under the filters. */
export async function reference(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Reference> {
  return referenceOf(await latestResult(db, gemeente, filters));
}

/** The reference read from a result `latestResult` found (or the defaults without one). */
export function referenceOf(latest: LatestResult): Reference {
  if (!latest) return { cesuur: DEFAULT_CESUUR, max: DEFAULT_MAX, twijfelzone: null };
  const { tally, segment, i } = latest;
  // The package's cesuur and twijfelzone, stored at ingest; never the device's claim in the envelope.
  const value = (column: 'cesuur' | 'max' | 'twijfelzone_from' | 'twijfelzone_to') =>
    tally.store.decode(column, segment.coded[column].data[i]!) as number;
  return {
    cesuur: value('cesuur'),
    max: value('max'),
    twijfelzone: { from: value('twijfelzone_from'), to: value('twijfelzone_to') },
  };
}

export function buildDistribution(groups: readonly Group[], ref: Reference): DistributionResponse {
  const cesuur = ref.cesuur;
  const max = Math.max(ref.max, ...groups.map((g) => g.raw));
  const histogram = Array.from({ length: max + 1 }, (_, raw) => ({ raw, count: 0 }));
  const cesuurCounts = new Map<number, number>();
  const routeTotals = new Map<RouteKey, number>(ROUTES.map((r) => [r, 0]));
  for (const g of groups) {
    histogram[g.raw]!.count += g.n;
    cesuurCounts.set(g.cesuur, (cesuurCounts.get(g.cesuur) ?? 0) + g.n);
    routeTotals.set(g.route, routeTotals.get(g.route)! + g.n);
  }
  const total = groups.reduce((s, g) => s + g.n, 0);
  const withoutAdvice = groups.reduce((s, g) => s + (g.advice ? 0 : g.n), 0);
  const bands: BandRow[] = bandsFor(cesuur, max).map((band) => {
    const inBand = groups.filter((g) => bandOf(g.raw, cesuur) === band.key);
    const bandTotal = inBand.reduce((s, g) => s + g.n, 0);
    return {
      band,
      cells: ROUTES.map((route) => {
        const count = inBand.filter((g) => g.route === route).reduce((s, g) => s + g.n, 0);
        return {
          route,
          count,
          pctOfRoute: pct(count, routeTotals.get(route)!),
          pctOfBand: pct(count, bandTotal),
        };
      }),
      total: bandTotal,
      pctOfTotal: pct(bandTotal, total),
    };
  });
  return {
    cesuur,
    cesuurValues: [...cesuurCounts].sort((a, b) => a[0] - b[0]).map(([c, count]) => ({ cesuur: c, count })),
    max,
    twijfelzone: ref.twijfelzone,
    total,
    histogram,
    bands,
    routeTotals: ROUTES.map((route) => ({ route, count: routeTotals.get(route)! })),
    withoutAdvice,
    conform: conformTable(groups, (g) => g.cesuur),
  };
}

export async function distribution(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  cesuur?: number,
): Promise<DistributionResponse> {
  const [groups, ref] = await Promise.all([
    routeGroups(db, gemeente, filters),
    reference(db, gemeente, filters),
  ]);
  return buildDistribution(groups, cesuur === undefined ? ref : { ...ref, cesuur });
}
