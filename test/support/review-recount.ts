/**
 * What a review tally counts (src/server/review/tally) beside a recount from the rows themselves. Equal lists mean
 * no insert, delete, leerroute change or concurrent write was missed or counted twice. Pass a tally that has
 * been kept up while the writes happened to check its catching up (the upload fault suite with several service
 * instances on one PostgreSQL does); without one, a fresh tally checks the first load. Also used by the
 * retention, erasure and backup tests.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/tables';
import { countBy } from '../../src/server/review/tally/scan';
import { ReviewTally } from '../../src/server/review/tally/sync';

export async function recountReview(
  db: Kysely<Database>,
  tally: ReviewTally = new ReviewTally(db),
): Promise<{ counted: string[]; direct: string[] }> {
  const stored = (await db.selectFrom('results').select('gemeente').distinct().execute()).map(
    (r) => r.gemeente,
  );
  // Also the gemeenten the tally holds: one whose last result went must count nothing there either.
  const gemeenten = [...new Set([...stored, ...tally.store.segments.keys()])].sort();
  const segments = await tally.fresh(gemeenten);
  const counted: string[] = [];
  for (const segment of segments) {
    const [all, routed] = countBy(tally.store, [segment], {}, { completedOnly: true }, [
      ['raw', 'cesuur'],
      ['raw', 'cesuur', 'route'],
    ]);
    for (const { values, n } of all!) counted.push(line(segment.gemeente, values[0], values[1], '-', n));
    for (const { values, n } of routed!) {
      if (values[2] !== null) counted.push(line(segment.gemeente, values[0], values[1], values[2], n));
    }
  }
  const direct = await sql<{ gemeente: string; raw: number; cesuur: number; route: string; n: number }>`
    select gemeente, raw, cesuur, '-' as route, count(*) as n from results where status = 'completed'
      group by gemeente, raw, cesuur
    union all
    select r.gemeente, r.raw, r.cesuur, l.route, count(*) as n
      from leerroutes l join results r on r.result_id = l.result_id
      where r.status = 'completed' group by r.gemeente, r.raw, r.cesuur, l.route`.execute(db);
  return {
    counted: counted.sort(),
    direct: direct.rows.map((r) => line(r.gemeente, r.raw, r.cesuur, r.route, r.n)).sort(),
  };
}

function line(gemeente: string, raw: unknown, cesuur: unknown, route: unknown, n: unknown): string {
  return `${gemeente}|${Number(raw)}|${Number(cesuur)}|${String(route)}|${Number(n)}`;
}
