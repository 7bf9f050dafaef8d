/**
 * The candidate's reference as a column of its own, so a consulent can find one result by it (the results list's
 * search) and the list no longer parses each row's envelope to show it. Stored rows get it from their envelope
 * here; new rows at ingest (ingest/columns.ts). The search runs within one gemeente, so it reads this index's
 * entries of that gemeente rather than its wide rows.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './is-sqlite';

export const candidateRefMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('results').addColumn('candidate_ref', 'text').execute();
    // `json`, not `jsonb`: the envelope is kept byte for byte and jsonb refuses some strings JSON allows (\u0000).
    const fromEnvelope = isSqlite(db)
      ? sql`json_extract(envelope, '$.payload.candidateRef')`
      : sql`(envelope::json #>> '{payload,candidateRef}')`;
    await sql`update results set candidate_ref = ${fromEnvelope}`.execute(db);
    await db.schema
      .createIndex('results_candidate_ref')
      .on('results')
      .columns(['gemeente', 'candidate_ref'])
      .execute();
  },
};
