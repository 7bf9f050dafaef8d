/**
 * The review dashboard's tables (issue 9): accounts, browser sessions and recorded leerroutes, plus the index
 * that lets the distribution query read only an index instead of the whole results table.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createCountTriggers } from './review-count-triggers';

export const reviewMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer', 'consulent', 'beheerder')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .execute();

    await db.schema
      .createTable('web_sessions')
      .addColumn('session_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.user_id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('web_sessions_expires').on('web_sessions').column('expires_at').execute();

    await db.schema
      .createTable('leerroutes')
      .addColumn('result_id', 'text', (c) => c.primaryKey().references('results.result_id'))
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull().check(sql`route in ('B1', 'O', 'Z')`))
      .addColumn('raw', 'integer', (c) => c.notNull())
      .addColumn('cesuur', 'integer', (c) => c.notNull())
      .addColumn('conform', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('explanation', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('leerroutes_gemeente')
      .on('leerroutes')
      .columns(['gemeente', 'raw', 'cesuur', 'route'])
      .execute();

    // Covering indexes for the distribution. Unfiltered (the dashboard's first view) it is two index-only
    // scans: results by (gemeente, status, raw, cesuur) and leerroutes by (gemeente, raw, cesuur, route), no
    // join. Filtered, it joins on result_id, which this index also carries, so the wide rows with their
    // envelopes are only read for the filter columns.
    await db.schema
      .createIndex('results_review_distribution')
      .on('results')
      .columns(['gemeente', 'status', 'raw', 'cesuur', 'result_id'])
      .execute();

    await createCountTriggers(db);
  },
};
