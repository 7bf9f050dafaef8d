/**
 * The cesuur and twijfelzone of a stored result come from the package's test definition, not from the device
 * (issue 17, item 3), and both ingest flags are stored: `cesuur_mismatch` (the payload claimed another cesuur or
 * twijfelzone) and `gemeente_mismatch` (the payload named another gemeente than the one the result is filed
 * under). Before this, a result claiming cesuur 20 was stored with 20 and could become the dashboard's reference.
 *
 * Rows stored before it are corrected here: each archived package's cesuur and twijfelzone are written into its
 * results (a differing claim flagged, the outcome and twijfelzone membership judged again), the leerroutes'
 * copies of the cesuur and their conform bit follow, and `review_counts` is rebuilt from the corrected rows.
 * Results of a package that is not archived (or whose archived definition does not read) keep the values of
 * their envelope: there is nothing better to judge them by.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './is-sqlite';

interface PackageCesuur {
  packageHash: string;
  cesuur: number;
  below: number;
  above: number;
}

export const resultFlagsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['cesuur_mismatch', 'gemeente_mismatch', 'twijfelzone_from', 'twijfelzone_to']) {
      await db.schema
        .alterTable('results')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    }
    const field = (path: string[]) =>
      isSqlite(db)
        ? sql`json_extract(envelope, ${'$.payload.' + path.join('.')})`
        : sql`(envelope::json #>> ${`{payload,${path.join(',')}}`})`;
    const asInt = (path: string[]) => (isSqlite(db) ? field(path) : sql`(${field(path)})::integer`);
    // Every stored envelope passed the schema, so the zone is there; the default zone (2 either side) only
    // keeps the column filled should a row have been written by other means.
    await sql`update results set
      twijfelzone_from = coalesce(${asInt(['scoring', 'twijfelzone', 'from'])}, cesuur - 2),
      twijfelzone_to = coalesce(${asInt(['scoring', 'twijfelzone', 'to'])}, cesuur + 2),
      gemeente_mismatch = case when ${field(['gemeente'])} <> gemeente then 1 else 0 end`.execute(db);

    for (const pkg of await archivedCesuren(db)) {
      const { packageHash: hash, cesuur: c } = pkg;
      const from = c - pkg.below;
      const to = c + pkg.above;
      // Every right-hand side reads the row as it was, so `cesuur <> c` compares with the stored claim.
      await sql`update results set
        cesuur_mismatch = case when cesuur <> ${c} or twijfelzone_from <> ${from} or twijfelzone_to <> ${to}
          then 1 else 0 end,
        outcome = case when status = 'completed'
          then (case when raw >= ${c} then 'haalbaar' else 'niet-haalbaar' end) else null end,
        in_twijfelzone = case when raw >= ${from} and raw <= ${to} then 1 else 0 end,
        twijfelzone_from = ${from},
        twijfelzone_to = ${to},
        cesuur = ${c}
        where package_hash = ${hash}`.execute(db);
      await sql`update leerroutes set
        cesuur = ${c},
        conform = case when (raw >= ${c} and route <> 'Z') or (raw < ${c} and route = 'Z') then 1 else 0 end
        where result_id in (select result_id from results where package_hash = ${hash})`.execute(db);
    }

    // The counts are keyed by cesuur, which may just have changed: count them again from the rows.
    await sql`delete from review_counts`.execute(db);
    await sql`insert into review_counts (gemeente, raw, cesuur, route, n)
      select gemeente, raw, cesuur, '-', count(*) from results where status = 'completed'
      group by gemeente, raw, cesuur`.execute(db);
    await sql`insert into review_counts (gemeente, raw, cesuur, route, n)
      select gemeente, raw, cesuur, route, count(*) from leerroutes group by gemeente, raw, cesuur, route`.execute(
      db,
    );
  },
};

/** Each archived package's cesuur and twijfelzone; a definition that does not read is left out. */
async function archivedCesuren(db: Kysely<unknown>): Promise<PackageCesuur[]> {
  const rows = await sql<{
    package_hash: string;
    definition: string;
  }>`select package_hash, definition from scoring_packages`.execute(db);
  const out: PackageCesuur[] = [];
  for (const row of rows.rows) {
    try {
      const def = JSON.parse(row.definition) as {
        cesuur?: unknown;
        twijfelzone?: { below?: unknown; above?: unknown };
      };
      const { cesuur } = def;
      const below = def.twijfelzone?.below;
      const above = def.twijfelzone?.above;
      if (typeof cesuur === 'number' && typeof below === 'number' && typeof above === 'number') {
        out.push({ packageHash: row.package_hash, cesuur, below, above });
      }
    } catch {
      // A damaged row is reported at every start (package-archive.ts); its results keep their values.
    }
  }
  return out;
}
