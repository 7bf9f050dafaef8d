/**
 * Migration 019 on a database that already holds results: paused and aborted rows get their ending columns from
 * their envelopes (by the function ingest uses), other rows keep the defaults, and an envelope that does not parse
 * stops nothing. On SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../../../support/server-harness';
import { databaseAt } from '../../../../../support/migration-db';

const AT = '2026-05-01T10:00:00.000Z';

function oldRow(resultId: string, envelope: string, status = 'completed') {
  return {
    result_id: resultId,
    envelope_hash: `e-${resultId}`,
    payload_hash: `p-${resultId}`,
    envelope,
    receipt: '{}',
    stored_at: AT,
    device_id: 'lbt-dev-0000000000000001',
    gemeente: 'Utrecht',
    session_id: `s-${resultId}`,
    candidate_ref: `K-${resultId}`,
    status,
    created_at: AT,
    closed_at: AT,
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    package_hash: 'pkg',
    cesuur: 28,
    raw: 30,
    raw_client: 30,
    max: 40,
    outcome: status === 'completed' ? 'haalbaar' : null,
    in_twijfelzone: 1,
    unanswered: 0,
    score_mismatch: 0,
    input_type: 'touch',
    interpreter: 0,
    practiced: 'no',
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

const envelope = (timing: object) =>
  JSON.stringify({ payload: { schema: 'lbt.result/1', timing }, signature: 'x' });
const pause = (reason: string) => ({ reason, from: AT, to: AT });

describe.each(DB_KINDS)('migration 019 on %s', (kind) => {
  it('fills the ending columns of stored results from their envelopes', async () => {
    const old = await databaseAt(kind, '016-retention');
    const { db, migrator } = old;
    try {
      // Typed as the old table: the 019 columns do not exist yet.
      const old = db as unknown as {
        insertInto(t: 'results'): { values(v: unknown): { execute(): Promise<unknown> } };
      };
      const rows = [
        oldRow('r1', envelope({ pauses: [], abort: null })),
        oldRow(
          'r2',
          envelope({
            pauses: [pause('technical'), pause('candidate-break'), pause('technical')],
            abort: null,
          }),
        ),
        oldRow(
          'r3',
          envelope({ pauses: [pause('focus-lost')], abort: { reason: 'candidate-unwell', at: AT } }),
          'aborted',
        ),
        oldRow('r4', '{not json'),
      ];
      for (const row of rows) await old.insertInto('results').values(row).execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const after = await db
        .selectFrom('results')
        .select(['result_id', 'abort_reason', 'pauses', 'pause_reasons', 'reference_form_broken'])
        .orderBy('result_id')
        .execute();
      expect(
        after.map((r) => ({
          ...r,
          pauses: Number(r.pauses),
          reference_form_broken: Number(r.reference_form_broken),
        })),
      ).toEqual([
        { result_id: 'r1', abort_reason: null, pauses: 0, pause_reasons: null, reference_form_broken: 0 },
        {
          result_id: 'r2',
          abort_reason: null,
          pauses: 3,
          pause_reasons: ',candidate-break,technical,',
          reference_form_broken: 0,
        },
        {
          result_id: 'r3',
          abort_reason: 'candidate-unwell',
          pauses: 1,
          pause_reasons: ',focus-lost,',
          reference_form_broken: 0,
        },
        { result_id: 'r4', abort_reason: null, pauses: 0, pause_reasons: null, reference_form_broken: 0 },
      ]);
      expect(await db.selectFrom('reference_forms').selectAll().execute()).toEqual([]);
    } finally {
      await old.close();
    }
  });
});
