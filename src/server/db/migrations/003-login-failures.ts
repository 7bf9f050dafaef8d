/**
 * Failed review logins per (username, client address) instead of per account (src/server/review/login-failures.ts).
 * Keyed by the normalized username rather than a user id, so names that do not exist are counted exactly like
 * names that do and the answers cannot tell them apart. The old per-account columns users.failed_logins and
 * users.locked_until stay (createUser still writes them) but nothing reads them any more.
 */
import type { Kysely, Migration } from 'kysely';

export const loginFailuresMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('login_failures')
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      // Username first: the per-account ceiling sums one username's rows with a range scan of this key.
      .addPrimaryKeyConstraint('login_failures_pk', ['username', 'address'])
      .execute();
    // Pruning deletes expired rows on every attempt; the index keeps that a range delete, not a table scan.
    await db.schema.createIndex('login_failures_expires').on('login_failures').column('expires_at').execute();
  },
};
