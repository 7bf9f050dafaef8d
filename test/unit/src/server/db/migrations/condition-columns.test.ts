/**
 * Migration 013 on a database that already holds results: "Vooraf geoefend" is repaired from the console's
 * `preparation.kind` in the stored envelope (ingest used to read only `practicedBefore`), a demo row keeps its
 * value, and the checklist's other conditions become columns, on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../../../support/server-harness';
import { databaseAt } from '../../../../../support/migration-db';

const AT = '2026-05-01T10:00:00.000Z';

/** A results row as the code before 013 stored it: `practiced` null for a console sitting. */
function oldRow(resultId: string, session: Record<string, unknown>, practiced: string | null) {
  const payload = { schema: 'lbt.result/1', afnemerId: 'afn-7', afnamecondities: { session, device: null } };
  return {
    result_id: resultId,
    envelope_hash: `e-${resultId}`,
    payload_hash: `p-${resultId}`,
    envelope: JSON.stringify({ payload, signature: 'x' }),
    receipt: '{}',
    stored_at: AT,
    device_id: 'lbt-dev-0000000000000001',
    gemeente: 'Utrecht',
    session_id: `s-${resultId}`,
    candidate_ref: `K-${resultId}`,
    status: 'completed',
    created_at: AT,
    closed_at: AT,
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    package_hash: 'pkg',
    cesuur: 28,
    raw: 30,
    raw_client: 30,
    max: 40,
    outcome: 'haalbaar',
    in_twijfelzone: 1,
    unanswered: 0,
    score_mismatch: 0,
    input_type: 'touch',
    interpreter: null,
    practiced,
    shell: 'electron',
    device_model: null,
    resolution: '1920x1080@1',
    mouse_used: 0,
    focus_lost: 0,
    interrupted: 0,
    fast_answers: 0,
    item_pattern: '1'.repeat(40),
  };
}

/** What the console's checklist writes (src/host/afnemer/checklist.ts). */
const CONSOLE = {
  shell: 'electron',
  room: { quiet: false, groupSize: 3 },
  instruction: { interpreter: true, interpreterLanguage: 'ar', language: 'nl' },
  preparation: { kind: 'thuis-geoefend' },
  intake: { moment: 'na-intake' },
};

describe.each(DB_KINDS)('the condition-columns migration on %s', (kind) => {
  it('repairs "Vooraf geoefend" and fills the condition columns from the envelopes', async () => {
    const old = await databaseAt(kind, '010-user-admin');
    const { db, migrator } = old;
    try {
      const old = db as unknown as {
        insertInto(t: 'results'): { values(v: unknown): { execute(): Promise<unknown> } };
      };
      await old
        .insertInto('results')
        .values(oldRow('r1', CONSOLE, null))
        .execute();
      await old
        .insertInto('results')
        .values(
          oldRow(
            'r2',
            {
              preparation: { kind: 'demo-vandaag' },
              instruction: { interpreter: false, translationTool: true },
              room: { quiet: true },
            },
            null,
          ),
        )
        .execute();
      // A demo row: practicedBefore was already read at ingest and stays.
      await old
        .insertInto('results')
        .values(oldRow('r3', { preparation: { practicedBefore: 'no' } }, 'no'))
        .execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db
        .selectFrom('results')
        .select([
          'result_id',
          'practiced',
          'quiet_room',
          'group_size',
          'intake_moment',
          'interpreter_mode',
          'interpreter_language',
          'translation_tool',
          'afnemer_id',
        ])
        .orderBy('result_id')
        .execute();
      expect(
        rows.map((r) => ({ ...r, group_size: r.group_size === null ? null : Number(r.group_size) })),
      ).toEqual([
        {
          result_id: 'r1',
          practiced: 'yes',
          quiet_room: 0,
          group_size: 3,
          intake_moment: 'na-intake',
          interpreter_mode: null,
          interpreter_language: 'ar',
          translation_tool: null,
          afnemer_id: 'afn-7',
        },
        {
          result_id: 'r2',
          practiced: 'demo-vandaag',
          quiet_room: 1,
          group_size: null,
          intake_moment: null,
          interpreter_mode: 'geen',
          interpreter_language: null,
          translation_tool: 1,
          afnemer_id: 'afn-7',
        },
        {
          result_id: 'r3',
          practiced: 'no',
          quiet_room: null,
          group_size: null,
          intake_moment: null,
          interpreter_mode: null,
          interpreter_language: null,
          translation_tool: null,
          afnemer_id: 'afn-7',
        },
      ]);
    } finally {
      await old.close();
    }
  });
});
