/**
 * The humane early stop (issue 16, item 8): a result the afnemer ended early ("begrijpt de opdracht niet") is
 * stored as completed with its outcome, and `ended_early` holds the reason so the list and the sheet can say so
 * plainly. Rows stored before it cannot have been ended early: null.
 */
import type { Kysely, Migration } from 'kysely';

export const endedEarlyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('results').addColumn('ended_early', 'text').execute();
  },
};
