/**
 * `scoring_packages`: the scoring parts (test definition, items with keys) of every item package the service has
 * been started with, by package hash (src/server/package-archive.ts). Kiosks that were not updated and outboxes
 * still holding results keep delivering results of an older package version after an upgrade; with this table
 * they still verify and re-score against their own package when the service is started with the new one only.
 */
import type { Kysely, Migration } from 'kysely';

export const scoringPackagesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scoring_packages')
      .addColumn('package_hash', 'text', (c) => c.primaryKey())
      .addColumn('definition_id', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('parts_sha256', 'text', (c) => c.notNull())
      .addColumn('archived_at', 'text', (c) => c.notNull())
      .execute();
  },
};
