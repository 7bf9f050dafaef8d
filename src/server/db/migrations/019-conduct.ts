/**
 * Issue 20, items 1 (last part) and 6. `reference_forms`: the history of each gemeente's candidate reference
 * form. On `results`: how the sitting ended (abort reason, pauses and their reasons) for the "Afwijkende
 * afnames" view, filled for stored rows from their envelopes by the same function ingest uses; and whether the
 * reference broke the form in force at the sitting (no form existed before this migration: 0).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { endingColumns } from '../../ingest/ending-columns';

const BATCH = 500;

export const conductMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reference_forms')
      .addColumn('gemeente', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addColumn('form', 'text')
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reference_forms_pk', ['gemeente', 'set_at'])
      .execute();
    await db.schema.alterTable('results').addColumn('abort_reason', 'text').execute();
    await db.schema
      .alterTable('results')
      .addColumn('pauses', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('results').addColumn('pause_reasons', 'text').execute();
    await db.schema
      .alterTable('results')
      .addColumn('reference_form_broken', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Only rows that were paused or aborted change; read in key order, a batch at a time, so memory stays flat.
    let after = '';
    for (;;) {
      const rows = await sql<{ result_id: string; envelope: string }>`
        select result_id, envelope from results where result_id > ${after} order by result_id limit ${BATCH}`
        .execute(db)
        .then((r) => r.rows);
      if (rows.length === 0) break;
      for (const row of rows) {
        let timing;
        try {
          timing = (JSON.parse(row.envelope) as { payload?: { timing?: object } }).payload?.timing;
        } catch {
          continue; // An envelope that does not parse was never stored by ingest; leave its columns at the defaults.
        }
        const ending = endingColumns(timing);
        if (ending.pauses === 0 && ending.abort_reason === null) continue;
        await sql`update results set abort_reason = ${ending.abort_reason}, pauses = ${ending.pauses},
          pause_reasons = ${ending.pause_reasons} where result_id = ${row.result_id}`.execute(db);
      }
      after = rows[rows.length - 1]!.result_id;
    }
  },
};
