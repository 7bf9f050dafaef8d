/**
 * Issue 20, item 10: the change feed behind the review tally (src/server/review/tally). Every write that can
 * change what a review view counts (a result stored, deleted or updated; a leerroute recorded, changed or
 * removed) appends (gemeente, seq, result_id) to `review_changes` and raises the gemeente's `review_heads.seq`,
 * by trigger, inside the writing transaction. A service instance keeps the review columns of its gemeenten in
 * memory and, before it answers, reads the heads and re-reads only the results whose seq is past what it holds.
 *
 * Why a head row per gemeente and not a global sequence: a transaction takes the next seq by updating its
 * gemeente's head row, and holds that row until it commits, so within a gemeente seqs become visible in order.
 * A reader that sees seq n has seen every seq below it; with a sequence, a later seq can commit first and an
 * earlier one be skipped for good. The price is that writes of one gemeente queue on that row, as they already
 * do on the `review_counts` rows of their scores.
 *
 * Existing rows: every gemeente with results gets a head at 0 and no changes (the heads are also the list of
 * gemeenten the national view offers); an instance loads a gemeente whole the first time.
 *
 * `review_counts` and its triggers (002, review-count-triggers.ts) go: the tally answers the unfiltered view as
 * fast as the filtered ones, and counts by advice too (a pilot result has a score and no advice), which that
 * table's key could not. One way to count, not two that must agree.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './is-sqlite';

/** SQLite runs one writer at a time, so "max + 1" inside the trigger is already in order. */
function sqliteTriggers(): string[] {
  const bump = (gemeente: string, resultId: string) => `
     insert into review_heads (gemeente, seq) values (${gemeente}, 1)
       on conflict (gemeente) do update set seq = seq + 1;
     insert into review_changes (gemeente, seq, result_id)
       values (${gemeente}, (select seq from review_heads where gemeente = ${gemeente}), ${resultId});`;
  return [
    `create trigger review_changes_result_in after insert on results begin ${bump('new.gemeente', 'new.result_id')} end`,
    `create trigger review_changes_result_out after delete on results begin ${bump('old.gemeente', 'old.result_id')} end`,
    `create trigger review_changes_result_update after update on results begin
       ${bump('new.gemeente', 'new.result_id')}
       ${'' /* a result moved to another gemeente (never done, but then both must know) */}
       insert into review_heads (gemeente, seq) select old.gemeente, 1 where old.gemeente <> new.gemeente
         on conflict (gemeente) do update set seq = seq + 1;
       insert into review_changes (gemeente, seq, result_id)
         select old.gemeente, (select seq from review_heads where gemeente = old.gemeente), old.result_id
         where old.gemeente <> new.gemeente; end`,
    `create trigger review_changes_route_in after insert on leerroutes begin ${bump('new.gemeente', 'new.result_id')} end`,
    `create trigger review_changes_route_out after delete on leerroutes begin ${bump('old.gemeente', 'old.result_id')} end`,
    `create trigger review_changes_route_update after update on leerroutes begin ${bump('new.gemeente', 'new.result_id')} end`,
  ];
}

/**
 * PostgreSQL: statement-level triggers with transition tables. Per statement, each gemeente's head is raised once
 * by the number of rows it touched and the rows get the seqs below the new head. Row-level triggers would update
 * the head row once per row, and within one transaction every update of a row adds a version that the next must
 * walk past: a million-row import took quadratic time. Heads are taken in gemeente order, so two statements that
 * touch the same gemeenten cannot deadlock on them. `note` is that statement for the rows of `touched` (a
 * transition table, or the union of two).
 */
const note = (touched: string) => `
    with t as (select gemeente, result_id from ${touched}),
    counts as (select gemeente, count(*) as n from t group by gemeente),
    heads as (
      insert into review_heads (gemeente, seq) select gemeente, n from counts order by gemeente
      on conflict (gemeente) do update set seq = review_heads.seq + excluded.seq
      returning gemeente, seq
    )
    insert into review_changes (gemeente, seq, result_id)
    select t.gemeente, h.seq - c.n + row_number() over (partition by t.gemeente order by t.result_id), t.result_id
    from t join counts c on c.gemeente = t.gemeente join heads h on h.gemeente = t.gemeente;`;

// Each trigger function runs its statement itself: transition tables are visible only to the trigger's own
// function, not to a function it calls.
const POSTGRES_NOTE = `
create function review_changes_inserted() returns trigger language plpgsql as $$
begin ${note('new_rows')} return null; end $$;
create function review_changes_deleted() returns trigger language plpgsql as $$
begin ${note('old_rows')} return null; end $$;
create function review_changes_updated() returns trigger language plpgsql as $$
begin
  -- Old and new gemeente both hear of a row that moved; a row that stayed is one change.
  ${note('(select gemeente, result_id from old_rows union select gemeente, result_id from new_rows) u')}
  return null;
end $$;`;

function postgresTriggers(table: 'results' | 'leerroutes'): string {
  return `
create trigger review_changes_${table}_in after insert on ${table}
  referencing new table as new_rows for each statement execute function review_changes_inserted();
create trigger review_changes_${table}_out after delete on ${table}
  referencing old table as old_rows for each statement execute function review_changes_deleted();
create trigger review_changes_${table}_update after update on ${table}
  referencing old table as old_rows new table as new_rows for each statement execute function review_changes_updated();`;
}

const SQLITE_OLD_TRIGGERS = [
  'review_counts_result_in',
  'review_counts_result_out',
  'review_counts_route_in',
  'review_counts_route_out',
  'review_counts_route_change',
];

async function dropReviewCounts(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const name of SQLITE_OLD_TRIGGERS) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  } else {
    await sql
      .raw(
        `drop trigger if exists review_counts_results on results;
      drop trigger if exists review_counts_leerroutes on leerroutes;
      drop function if exists review_counts_results();
      drop function if exists review_counts_leerroutes();
      drop function if exists review_counts_bump(text, integer, integer, text, integer);`,
      )
      .execute(db);
  }
  await db.schema.dropTable('review_counts').ifExists().execute();
}

export const reviewChangesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await dropReviewCounts(db);
    await db.schema
      .createTable('review_heads')
      .addColumn('gemeente', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('review_changes')
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('result_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_changes_pk', ['gemeente', 'seq'])
      .execute();
    await sql`insert into review_heads (gemeente, seq) select distinct gemeente, 0 from results`.execute(db);
    // A tally loads a gemeente in pages of result ids (tally/sync.ts); no other index gives that order.
    await db.schema
      .createIndex('results_gemeente_id')
      .on('results')
      .columns(['gemeente', 'result_id'])
      .execute();
    // The calibration's reads and its staleness count select one package's results.
    await db.schema.createIndex('results_package').on('results').column('package_hash').execute();
    if (isSqlite(db)) {
      for (const statement of sqliteTriggers()) await sql.raw(statement).execute(db);
    } else {
      await sql.raw(POSTGRES_NOTE + postgresTriggers('results') + postgresTriggers('leerroutes')).execute(db);
    }
  },
};
