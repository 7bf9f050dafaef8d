/**
 * The review counts the triggers keep (`review_counts`) beside a recount from the rows they count. Equal lists mean
 * no insert, delete or concurrent write was missed or counted twice. Used by the retention tests and by the upload
 * fault suite with several service instances on one PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/tables';

export async function recountReview(db: Kysely<Database>): Promise<{ counted: string[]; direct: string[] }> {
  const counted = await db
    .selectFrom('review_counts')
    .select(['gemeente', 'raw', 'cesuur', 'route', 'n'])
    .where('n', '>', 0)
    .orderBy('gemeente')
    .execute();
  const direct = await sql<{ gemeente: string; raw: number; cesuur: number; route: string; n: number }>`
    select gemeente, raw, cesuur, '-' as route, count(*) as n from results where status = 'completed'
      group by gemeente, raw, cesuur
    union all
    select gemeente, raw, cesuur, route, count(*) as n from leerroutes group by gemeente, raw, cesuur, route
    order by 1, 2, 3, 4`.execute(db);
  const norm = (
    rows: { gemeente: string; raw: number; cesuur: number; route: string; n: number | string }[],
  ) => rows.map((r) => `${r.gemeente}|${Number(r.raw)}|${Number(r.cesuur)}|${r.route}|${Number(r.n)}`).sort();
  return { counted: norm(counted), direct: norm(direct.rows) };
}
