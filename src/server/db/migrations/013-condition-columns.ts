/**
 * Every recorded afnameconditie becomes a column the conditions view can split by (issue 20, item 1), and
 * "Vooraf geoefend" is repaired: the console records `preparation.kind`, but ingest read only
 * `preparation.practicedBefore` (which only the demo generator wrote), so real sittings were stored with
 * `practiced` null. Stored rows get the new columns and the repaired value from their envelopes, by the same
 * table ingest uses (PRACTICED_OF_KIND), so old and new rows read alike.
 */
import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import { PRACTICED_OF_KIND } from '../../ingest/columns';
import { isSqlite } from './is-sqlite';

const SESSION = ['afnamecondities', 'session'];

export const conditionColumnsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = isSqlite(db);
    for (const [column, type] of [
      ['quiet_room', 'integer'],
      ['group_size', 'integer'],
      ['intake_moment', 'text'],
      ['interpreter_mode', 'text'],
      ['interpreter_language', 'text'],
      ['translation_tool', 'integer'],
      ['afnemer_id', 'text'],
    ] as const) {
      await db.schema.alterTable('results').addColumn(column, type).execute();
    }
    // `json`, not `jsonb`: the envelope is kept byte for byte and jsonb refuses some strings JSON allows.
    const text = (path: string[]): RawBuilder<unknown> =>
      sqlite
        ? sql`json_extract(envelope, ${'$.payload.' + path.join('.')})`
        : sql`(envelope::json #>> ${`{payload,${path.join(',')}}`})`;
    // SQLite's json_extract answers 1/0 for true/false; PostgreSQL's #>> the text 'true'/'false'.
    const bool = (path: string[]) =>
      sqlite ? text(path) : sql`case ${text(path)} when 'true' then 1 when 'false' then 0 else null end`;
    const int = (path: string[]) => (sqlite ? text(path) : sql`(${text(path)})::integer`);
    const kind = text([...SESSION, 'preparation', 'kind']);
    const practicedOfKind = sql.join(
      Object.entries(PRACTICED_OF_KIND).map(([k, v]) => sql`when ${k} then ${v}`),
      sql` `,
    );
    const interpreter = text([...SESSION, 'instruction', 'interpreter']);
    const interpreterAbsent = sqlite ? sql`${interpreter} = 0` : sql`${interpreter} = 'false'`;
    await sql`update results set
      practiced = coalesce(case ${kind} ${practicedOfKind} else null end, practiced),
      quiet_room = ${bool([...SESSION, 'room', 'quiet'])},
      group_size = ${int([...SESSION, 'room', 'groupSize'])},
      intake_moment = ${text([...SESSION, 'intake', 'moment'])},
      interpreter_mode = case when ${interpreterAbsent} then 'geen'
        else ${text([...SESSION, 'instruction', 'interpreterMode'])} end,
      interpreter_language = ${text([...SESSION, 'instruction', 'interpreterLanguage'])},
      translation_tool = ${bool([...SESSION, 'instruction', 'translationTool'])},
      afnemer_id = ${text(['afnemerId'])}`.execute(db);
  },
};
