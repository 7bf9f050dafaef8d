/**
 * The distribution view: histogram, band x route table and conform table of completed results, from one
 * GROUP BY over (raw, cesuur, route) plus one lookup of the most recent result for the reference cesuur.
 */
import { sql, type Kysely } from 'kysely';
import type { BandRow, DistributionResponse, ReviewFilters, RouteKey } from '../../shared/review';
import type { Database } from '../db/tables';
import { bandOf, bandsFor, conformTable, pct, ROUTES, type Group } from './bands';
import { inScope, scopedResults, type GemeenteScope } from './scope';

/** Used when a gemeente has no results yet: the cesuur in force since 2023. */
export const DEFAULT_CESUUR = 28;
const DEFAULT_MAX = 40;

export interface Reference {
  cesuur: number;
  max: number;
  twijfelzone: { from: number; to: number } | null;
}

/** The groups (raw, own cesuur, route) with counts: all the aggregation the views need, done by the database. */
export async function routeGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Group[]> {
  if (Object.values(filters).every((v) => v === undefined)) return unfilteredGroups(db, gemeente);
  const rows = await scopedResults(db, gemeente, filters, { completedOnly: true })
    .select(['results.raw', 'results.cesuur', 'l.route', sql<number | string>`count(*)`.as('n')])
    .groupBy(['results.raw', 'results.cesuur', 'l.route'])
    .execute();
  // PostgreSQL returns count(*) as a bigint string.
  return rows.map((r) => ({
    raw: r.raw,
    cesuur: r.cesuur,
    route: (r.route ?? 'onbekend') as RouteKey,
    n: Number(r.n),
  }));
}

/**
 * Without filters: the trigger-kept counts (migrations/review-count-triggers.ts), at most 41 x cesuur values x 4
 * rows however many results are stored; "nog niet bekend" is all completed results minus the routed ones.
 */
async function unfilteredGroups(db: Kysely<Database>, gemeente: GemeenteScope): Promise<Group[]> {
  const rows = await db
    .selectFrom('review_counts')
    .select(['gemeente', 'raw', 'cesuur', 'route', 'n'])
    .where('gemeente', 'in', inScope(gemeente))
    .where('n', '>', 0)
    .execute();
  const groups: Group[] = [];
  const routed = new Map<string, number>();
  // Keyed per gemeente too: a set of gemeenten (the national view) must not subtract one's routes from another.
  const key = (r: (typeof rows)[number]) => `${r.gemeente}/${r.raw}/${r.cesuur}`;
  for (const r of rows) {
    if (r.route === '-') continue;
    groups.push({ raw: r.raw, cesuur: r.cesuur, route: r.route as RouteKey, n: Number(r.n) });
    routed.set(key(r), (routed.get(key(r)) ?? 0) + Number(r.n));
  }
  for (const r of rows) {
    if (r.route !== '-') continue;
    const rest = Number(r.n) - (routed.get(key(r)) ?? 0);
    if (rest > 0) groups.push({ raw: r.raw, cesuur: r.cesuur, route: 'onbekend', n: rest });
  }
  return groups;
}

/** The cesuur, maximum and configured twijfelzone of the most recent completed result under the filters. */
export async function reference(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Reference> {
  const latest = await scopedResults(db, gemeente, filters, { completedOnly: true })
    // The package's cesuur and twijfelzone, stored at ingest; never the device's claim in the envelope.
    .select(['results.cesuur', 'results.max', 'results.twijfelzone_from', 'results.twijfelzone_to'])
    // By closing time, like the period filter: the period index then yields the newest first (no sort).
    .orderBy('results.closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return { cesuur: DEFAULT_CESUUR, max: DEFAULT_MAX, twijfelzone: null };
  return {
    cesuur: latest.cesuur,
    max: latest.max,
    twijfelzone: { from: latest.twijfelzone_from, to: latest.twijfelzone_to },
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
