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
import { tallyFor, type ReviewTally } from './tally/sync';

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
 * The count of matching results and the ids of the first `keep` of them in list order. A bounded heap keeps the
 * `keep` first seen so far (its root is the last of them), so a first page costs one pass, not a sort.
 */
async function newestFirst(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  route: ResultListQuery['route'],
  keep: number,
): Promise<{ total: number; ids: string[] }> {
  const tally: ReviewTally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const also =
    route === undefined ? [] : [{ column: 'route' as const, value: route === 'onbekend' ? null : route }];
  let total = 0;
  const heap: Match[] = [];
  for (const { segment, rows } of matchingRows(tally.store, segments, filters, {
    completedOnly: false,
    also,
  })) {
    total += rows.length;
    const closed = segment.closedMs.data;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!;
      const at = closed[i]!;
      if (heap.length >= keep) {
        const last = heap[0]!;
        // Not before the last kept one: it cannot be on the page (ids are compared only on equal times).
        if (at < last.at || (at === last.at && !(segment.idAt(i) < last.id))) continue;
        heap[0] = { at, id: segment.idAt(i) };
        siftDown(heap, 0);
      } else {
        heap.push({ at, id: segment.idAt(i) });
        siftUp(heap, heap.length - 1);
      }
    }
  }
  heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return { total, ids: heap.map((m) => m.id) };
}

/** A heap whose root is the match that comes last in list order. */
function siftUp(heap: Match[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[parent]!, heap[i]!)) return;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: Match[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let last = i;
    if (l < heap.length && before(heap[last]!, heap[l]!)) last = l;
    if (r < heap.length && before(heap[last]!, heap[r]!)) last = r;
    if (last === i) return;
    [heap[last], heap[i]] = [heap[i]!, heap[last]!];
    i = last;
  }
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
      // The gemeente again: the ids came from its own segment, and this keeps it so whatever happens.
      .where('results.gemeente', '=', gemeente)
      .where('results.result_id', 'in', [...ids])
      .execute(),
    deviceLabels(db, gemeente),
  ]);
  const byId = new Map(rows.map((r) => [r.result_id, r as ListRow]));
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
