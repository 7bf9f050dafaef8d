/**
 * The core tables of the results service: exactly the columns of src/server/db/tables.ts. Written with
 * Kysely's schema builder and portable types (text, integer) so SQLite and PostgreSQL get the same schema.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const coreMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('devices')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('key_id', 'text', (c) => c.notNull().unique())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('enrollment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('used_by', 'text')
      .execute();

    await db.schema
      .createTable('afnemers')
      .addColumn('afnemer_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
      .addColumn('pin_verifier', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('afnemers_gemeente').on('afnemers').column('gemeente').execute();

    await db.schema
      .createTable('server_keys')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('results')
      // The primary key is what makes ingest idempotent and race-safe: two concurrent inserts of one result
      // id cannot both land, on one instance or on several sharing PostgreSQL.
      .addColumn('result_id', 'text', (c) => c.primaryKey())
      .addColumn('envelope_hash', 'text', (c) => c.notNull())
      .addColumn('payload_hash', 'text', (c) => c.notNull())
      .addColumn('envelope', 'text', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('completed', 'aborted')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text', (c) => c.notNull())
      .addColumn('doelgroep', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('package_hash', 'text', (c) => c.notNull())
      .addColumn('cesuur', 'integer', (c) => c.notNull())
      .addColumn('raw', 'integer', (c) => c.notNull())
      .addColumn('raw_client', 'integer', (c) => c.notNull())
      .addColumn('max', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('in_twijfelzone', 'integer', (c) => c.notNull())
      .addColumn('unanswered', 'integer', (c) => c.notNull())
      .addColumn('score_mismatch', 'integer', (c) => c.notNull())
      .addColumn('input_type', 'text', (c) => c.notNull())
      .addColumn('interpreter', 'integer')
      .addColumn('practiced', 'text')
      .addColumn('shell', 'text')
      .addColumn('device_model', 'text')
      .addColumn('resolution', 'text')
      .addColumn('mouse_used', 'integer', (c) => c.notNull())
      .addColumn('focus_lost', 'integer', (c) => c.notNull())
      .addColumn('interrupted', 'integer', (c) => c.notNull())
      .addColumn('fast_answers', 'integer', (c) => c.notNull())
      .addColumn('item_pattern', 'text', (c) => c.notNull())
      .execute();
    // The review dashboard filters by gemeente first, then by score or by period.
    await db.schema.createIndex('results_gemeente_raw').on('results').columns(['gemeente', 'raw']).execute();
    await db.schema
      .createIndex('results_gemeente_created')
      .on('results')
      .columns(['gemeente', 'created_at'])
      .execute();
    await db.schema.createIndex('results_device').on('results').column('device_id').execute();

    // The roster serial starts at 1 (a roster's serial is at least 1) and only grows.
    await db
      .insertInto('meta' as never)
      .values({ key: 'roster-serial', value: '1' } as never)
      .execute();
  },
};
