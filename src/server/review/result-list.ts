/**
 * The result list (newest first: closing time descending, then result id) and the results exports. Which
 * results match, how many, and which fall on the page come from the review tally (tally/scan.ts): a count over a
 * million rows in the database took seconds on any filter its indexes did not cover. The page's rows are then
 * read by id. A search on the candidate reference stays in SQL (scope.ts): the tally holds no references.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ResultListQuery, ResultListResponse, ReviewFilters, RouteKey } from '../../shared/review';
import type { Database, LeerroutesTable, ResultsTable } from '../db/tables';
import { flagsOf } from './flags';
import { deviceLabels, scopedResults } from './scope';
import { matchingRows } from './tally/scan';
import { tallyFor } from './tally/sync';

type ListRow = Selectable<ResultsTable> &
  Pick<Selectable<LeerroutesTable>, 'route' | 'conform'> & {
    route: LeerroutesTable['route'] | null;
    conform: number | null;
  };
type Listed = ResultListResponse['rows'][number];

/** Rows read per `in (...)`. */
const ID_BATCH = 500;

export async function listResults(
  db: Kysely<Database>,
  gemeente: string,
  query: ResultListQuery,
): Promise<ResultListResponse> {
  const { limit, offset, route, candidate, ...filters } = query;
  if (candidate) return searchCandidates(db, gemeente, query);
  const { total, ids } = await newestFirst(db, gemeente, filters, route, offset + limit);
  return { total, rows: await rowsById(db, gemeente, ids.slice(offset)) };
}

/** Every result under the filters, newest first, for the CSV exports: ordered once, read in batches. */
export async function exportResults(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
): Promise<Listed[]> {
  const { ids } = await newestFirst(db, gemeente, filters, undefined, Infinity);
  const rows: Listed[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    rows.push(...(await rowsById(db, gemeente, ids.slice(i, i + ID_BATCH))));
  }
  return rows;
}

interface Match {
  at: number;
  id: string;
}

/** a before b in the list: newer first, then by result id (as the SQL list ordered them). */
const before = (a: Match, b: Match) => a.at > b.at || (a.at === b.at && a.id < b.id);

/**
 * The count of matching results and the ids of the first `keep` of them in list order. The closing time that the
 * `keep`-th newest has is found first (a selection over the times alone, linear), then only the results at or
 * after it are made into objects and sorted. Rows are held in id order, which for time-ordered ids is oldest
 * first, so keeping a running "newest so far" would replace an entry for almost every row.
 */
async function newestFirst(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  route: ResultListQuery['route'],
  keep: number,
): Promise<{ total: number; ids: string[] }> {
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const also =
    route === undefined ? [] : [{ column: 'route' as const, value: route === 'onbekend' ? null : route }];
  const matched = matchingRows(tally.store, segments, filters, { completedOnly: false, also });
  const total = matched.reduce((n, m) => n + m.rows.length, 0);
  let threshold = -Infinity;
  if (total > keep) {
    const times = new Float64Array(total);
    let n = 0;
    for (const { segment, rows } of matched) {
      const closed = segment.closedMs.data;
      for (let j = 0; j < rows.length; j++) times[n++] = closed[rows[j]!]!;
    }
    threshold = kthLargest(times, keep);
  }
  const picked: Match[] = [];
  for (const { segment, rows } of matched) {
    const closed = segment.closedMs.data;
    for (let j = 0; j < rows.length; j++) {
      const at = closed[rows[j]!]!;
      if (at >= threshold) picked.push({ at, id: segment.idAt(rows[j]!) });
    }
  }
  picked.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return { total, ids: picked.slice(0, keep).map((m) => m.id) };
}

/** The k-th largest value of `values` (1-based; reorders the array): quickselect, linear on average. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted input (time-ordered ids) must not make it quadratic.
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

/** The list rows of `ids`, in that order (a result deleted meanwhile is left out). */
async function rowsById(db: Kysely<Database>, gemeente: string, ids: readonly string[]): Promise<Listed[]> {
  if (ids.length === 0) return [];
  const [rows, labels] = await Promise.all([
    db
      .selectFrom('results')
      .leftJoin('leerroutes as l', 'l.result_id', 'results.result_id')
      .selectAll('results')
      .select(['l.route', 'l.conform'])
      // By primary key only: with the gemeente in the WHERE, a planner can prefer a gemeente index and walk it.
      .where('results.result_id', 'in', [...ids])
      .execute(),
    deviceLabels(db, gemeente),
  ]);
  // The ids came from the gemeente's own segment; the gemeente is checked again here all the same.
  const byId = new Map(rows.filter((r) => r.gemeente === gemeente).map((r) => [r.result_id, r as ListRow]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [listed(r, labels)] : [];
  });
}

function listed(r: ListRow, labels: Map<string, string>): Listed {
  return {
    resultId: r.result_id,
    closedAt: r.closed_at,
    candidateRef: r.candidate_ref ?? '',
    status: r.status,
    raw: r.raw,
    max: r.max,
    cesuur: r.cesuur,
    outcome: r.outcome,
    inTwijfelzone: r.in_twijfelzone === 1,
    route: (r.route ?? 'onbekend') as RouteKey,
    conform: r.conform === null ? null : r.conform === 1,
    flags: flagsOf(r),
    deviceLabel: labels.get(r.device_id) ?? r.device_id,
  };
}

/** The list with a search on the candidate reference: in the database, which holds the references. */
async function searchCandidates(
  db: Kysely<Database>,
  gemeente: string,
  query: ResultListQuery,
): Promise<ResultListResponse> {
  const { limit, offset, route, candidate, ...filters } = query;
  let q = scopedResults(db, gemeente, filters, { completedOnly: false });
  if (route === 'onbekend') q = q.where('l.route', 'is', null);
  else if (route) q = q.where('l.route', '=', route);
  q = q.where(candidateStartsWith(candidate!));
  const [count, rows, labels] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('results')
      .select(['l.route', 'l.conform'])
      .orderBy('results.closed_at', 'desc')
      .orderBy('results.result_id')
      .limit(limit)
      .offset(offset)
      .execute(),
    deviceLabels(db, gemeente),
  ]);
  return { total: Number(count.n), rows: rows.map((r) => listed(r as ListRow, labels)) };
}

/**
 * Case-insensitive prefix match on the candidate reference. `%`, `_` and `\` in what was typed match only
 * themselves. lower() on both sides, in SQL, so each database folds what was typed as it folds what it stores
 * (SQLite folds ASCII letters only, PostgreSQL all of them).
 */
function candidateStartsWith(typed: string) {
  const pattern = `${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(results.candidate_ref) like lower(${pattern}) escape '\\'`;
}
