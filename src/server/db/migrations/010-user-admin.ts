/**
 * Review accounts can be managed (issue 17, item 7): `disabled_at` (a disabled account cannot log in and its
 * sessions end at once) and `must_change_password` (set by a beheerder's password reset: the next login may do
 * nothing but choose a new password).
 */
import type { Kysely, Migration } from 'kysely';

export const userAdminMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
