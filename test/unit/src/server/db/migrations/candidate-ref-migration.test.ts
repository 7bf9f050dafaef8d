/**
 * Migration 005 on a database that already holds results: each stored row gets its candidate reference from
 * its envelope, on SQLite and on PostgreSQL, and the list search finds it afterwards.
 */
import { describe, expect, it } from 'vitest';
import { listResults } from '../../../../../../src/server/review/result-list';
import { DB_KINDS } from '../../../../../support/server-harness';
import { databaseAt } from '../../../../../support/migration-db';

const AT = '2026-05-01T10:00:00.000Z';

/** A results row as the code before 005 wrote it: no candidate_ref column yet. */
function oldRow(resultId: string, candidateRef: string | null) {
  const payload =
    candidateRef === null ? { schema: 'lbt.result/1' } : { schema: 'lbt.result/1', candidateRef };
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

describe.each(DB_KINDS)('the candidate_ref migration on %s', (kind) => {
  it('fills the column of stored results from their envelopes', async () => {
    const old = await databaseAt(kind, '004-review-period');
    const { db, migrator } = old;
    try {
      // Typed as the old table: candidate_ref does not exist yet.
      const old = db as unknown as {
        insertInto(t: 'results'): { values(v: unknown): { execute(): Promise<unknown> } };
      };
      await old.insertInto('results').values(oldRow('r1', 'K-2026-0042')).execute();
      await old.insertInto('results').values(oldRow('r2', 'k-2026-0107')).execute();
      await old.insertInto('results').values(oldRow('r3', null)).execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db
        .selectFrom('results')
        .select(['result_id', 'candidate_ref'])
        .orderBy('result_id')
        .execute();
      expect(rows).toEqual([
        { result_id: 'r1', candidate_ref: 'K-2026-0042' },
        { result_id: 'r2', candidate_ref: 'k-2026-0107' },
        { result_id: 'r3', candidate_ref: null },
      ]);
      const found = await listResults(db, 'Utrecht', { limit: 50, offset: 0, candidate: 'K-2026' });
      expect(found.rows.map((row) => [row.resultId, row.candidateRef])).toEqual([
        ['r1', 'K-2026-0042'],
        ['r2', 'k-2026-0107'],
      ]);
    } finally {
      await old.close();
    }
  });
});
