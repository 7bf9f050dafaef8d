/**
 * Per gemeente settings (issue 20, item 4): the retention period of results, in months after the sitting; no row
 * (or null) is the product default (src/server/retention/policy.ts).
 */
import type { Kysely, Migration } from 'kysely';

export const retentionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('gemeente_settings')
      .addColumn('gemeente', 'text', (c) => c.primaryKey())
      .addColumn('retention_months', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Retention reads results by gemeente and closing time; the period index (004) starts with those.
  },
};
