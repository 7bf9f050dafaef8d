/**
 * Stored calibration reports (issue 19, items 2-3): one row per calibration run of a package version, the signed
 * record kept as its canonical JSON text so the signature can be checked on every read. Never updated: a new run
 * is a new row, and older reports stay as the evidence a cesuur was set from.
 */
import type { Kysely, Migration } from 'kysely';

export const calibrationReportsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('calibration_reports')
      .addColumn('report_id', 'text', (c) => c.primaryKey())
      .addColumn('package_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('result_count', 'integer', (c) => c.notNull())
      /** The SignedCalibration as JSON: payload, signature, keyId, alg. */
      .addColumn('signed', 'text', (c) => c.notNull())
      .execute();
    // The list is per package, newest first.
    await db.schema
      .createIndex('calibration_reports_package')
      .on('calibration_reports')
      .columns(['package_hash', 'created_at'])
      .execute();
  },
};
