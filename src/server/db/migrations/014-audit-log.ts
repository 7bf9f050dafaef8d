/**
 * The audit log (issue 20, item 3): one row per read of an individual result, export and change, hash-chained
 * (src/server/audit/). Append-only in the database as well: triggers refuse UPDATE and DELETE on SQLite and
 * PostgreSQL, so the service cannot rewrite history by mistake; someone who drops the triggers can, and then
 * `lbt audit verify` finds the break. `seq` is given by the writer (last + 1 under a lock), so a gap is visible.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './is-sqlite';

export const auditLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('gemeente', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('why', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('candidate_ref', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_gemeente').on('audit_log').columns(['gemeente', 'seq']).execute();
    await db.schema
      .createIndex('audit_log_candidate')
      .on('audit_log')
      .columns(['gemeente', 'candidate_ref'])
      .execute();
    if (isSqlite(db)) {
      for (const event of ['update', 'delete']) {
        await sql
          .raw(
            `create trigger audit_log_no_${event} before ${event} on audit_log
             begin select raise(abort, 'audit_log is append-only'); end`,
          )
          .execute(db);
      }
    } else {
      await sql
        .raw(
          `create function audit_log_append_only() returns trigger language plpgsql as $$
           begin raise exception 'audit_log is append-only'; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger audit_log_append_only before update or delete on audit_log
           for each row execute function audit_log_append_only()`,
        )
        .execute(db);
      // TRUNCATE skips row triggers; a statement trigger covers it.
      await sql
        .raw(
          `create trigger audit_log_no_truncate before truncate on audit_log
           for each statement execute function audit_log_append_only()`,
        )
        .execute(db);
    }
  },
};
