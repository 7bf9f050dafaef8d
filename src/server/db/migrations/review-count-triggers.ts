/**
 * Superseded: migration 020 drops this table and its triggers (the review tally, src/server/review/tally, counts
 * instead). Kept because migration 002 still creates them on the way up, and 008 rebuilds the table.
 *
 * `review_counts`: completed results per (gemeente, raw, cesuur, route), kept exact by triggers on results and
 * leerroutes, so the dashboard's unfiltered distribution reads at most a few hundred rows however many results
 * are stored (route '-' = all completed results of that score; the routes are subsets of it). Triggers (not
 * application code) because rows reach `results` from the ingest writer, imports and any later tool alike, and
 * a trigger runs inside the very transaction that writes the row, on every instance. SQLite and PostgreSQL
 * spell triggers differently, hence the two variants.
 *
 * Not a migration of its own: migration 002-review calls it. Kysely's Migrator keys migrations by the names in
 * index.ts (stored in kysely_migration), not by file names, so this file's name is free.
 */
import { sql, type Kysely } from 'kysely';
import { isSqlite } from './is-sqlite';

const SQLITE_TRIGGERS = [
  `create trigger review_counts_result_in after insert on results when new.status = 'completed' begin
     insert into review_counts (gemeente, raw, cesuur, route, n) values (new.gemeente, new.raw, new.cesuur, '-', 1)
     on conflict (gemeente, raw, cesuur, route) do update set n = n + 1; end`,
  `create trigger review_counts_result_out after delete on results when old.status = 'completed' begin
     update review_counts set n = n - 1
     where gemeente = old.gemeente and raw = old.raw and cesuur = old.cesuur and route = '-'; end`,
  `create trigger review_counts_route_in after insert on leerroutes begin
     insert into review_counts (gemeente, raw, cesuur, route, n) values (new.gemeente, new.raw, new.cesuur, new.route, 1)
     on conflict (gemeente, raw, cesuur, route) do update set n = n + 1; end`,
  `create trigger review_counts_route_out after delete on leerroutes begin
     update review_counts set n = n - 1
     where gemeente = old.gemeente and raw = old.raw and cesuur = old.cesuur and route = old.route; end`,
  `create trigger review_counts_route_change after update of route on leerroutes when old.route <> new.route begin
     update review_counts set n = n - 1
     where gemeente = old.gemeente and raw = old.raw and cesuur = old.cesuur and route = old.route;
     insert into review_counts (gemeente, raw, cesuur, route, n) values (new.gemeente, new.raw, new.cesuur, new.route, 1)
     on conflict (gemeente, raw, cesuur, route) do update set n = n + 1; end`,
];

const POSTGRES_FUNCTION = `create function review_counts_bump(g text, r integer, c integer, rt text, d integer)
  returns void language sql as $$
    insert into review_counts (gemeente, raw, cesuur, route, n) values (g, r, c, rt, d)
    on conflict (gemeente, raw, cesuur, route) do update set n = review_counts.n + d
  $$`;

const POSTGRES_TRIGGER_FUNCTIONS = `
create function review_counts_results() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' and new.status = 'completed' then
    perform review_counts_bump(new.gemeente, new.raw, new.cesuur, '-', 1);
  elsif tg_op = 'DELETE' and old.status = 'completed' then
    perform review_counts_bump(old.gemeente, old.raw, old.cesuur, '-', -1);
  end if;
  return null;
end $$;
create function review_counts_leerroutes() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform review_counts_bump(old.gemeente, old.raw, old.cesuur, old.route, -1);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    perform review_counts_bump(new.gemeente, new.raw, new.cesuur, new.route, 1);
  end if;
  return null;
end $$;
create trigger review_counts_results after insert or delete on results
  for each row execute function review_counts_results();
create trigger review_counts_leerroutes after insert or update or delete on leerroutes
  for each row execute function review_counts_leerroutes();`;

export async function createCountTriggers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_counts')
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('raw', 'integer', (c) => c.notNull())
    .addColumn('cesuur', 'integer', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_counts_pk', ['gemeente', 'raw', 'cesuur', 'route'])
    .execute();
  // Results stored before this migration (none in practice, since 002 ships with 001) are counted once here.
  await sql`insert into review_counts (gemeente, raw, cesuur, route, n)
    select gemeente, raw, cesuur, '-', count(*) from results where status = 'completed' group by gemeente, raw, cesuur`.execute(
    db,
  );
  if (isSqlite(db)) {
    for (const statement of SQLITE_TRIGGERS) await sql.raw(statement).execute(db);
  } else {
    await sql.raw(POSTGRES_FUNCTION).execute(db);
    await sql.raw(POSTGRES_TRIGGER_FUNCTIONS).execute(db);
  }
}
