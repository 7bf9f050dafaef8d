/**
 * `device_enrollments`: which gemeente each device was enrolled for, from when until when (issue 17, item 6).
 * A device that is enrolled again with another gemeente's code moves there, but results of sittings taken
 * before the move still belong to the old gemeente; ingest files each result by this history
 * (devices/enrollment-history.ts). Devices enrolled before it get one open period from their `enrolled_at`.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const deviceEnrollmentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('device_enrollments')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('enrolled_from', 'text', (c) => c.notNull())
      .addColumn('enrolled_until', 'text')
      .addPrimaryKeyConstraint('device_enrollments_pk', ['device_id', 'enrolled_from'])
      .execute();
    await sql`insert into device_enrollments (device_id, gemeente, enrolled_from, enrolled_until)
      select device_id, gemeente, enrolled_at, null from devices`.execute(db);
  },
};
