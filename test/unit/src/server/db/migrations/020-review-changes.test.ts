/**
 * Migration 020 on a database that already holds results: `review_counts` and its triggers are gone, every
 * gemeente with results has a head at 0 and no changes, and from then on each write (one row, a multi-row
 * statement, an update, a delete) raises its gemeente's head by the rows it touched, with contiguous seqs.
 * On SQLite (row triggers) and on PostgreSQL (statement triggers with transition tables).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../../../support/server-harness';
import { databaseAt } from '../../../../../support/migration-db';

const AT = '2026-05-01T10:00:00.000Z';

function row(resultId: string, gemeente: string) {
  return {
    result_id: resultId,
    envelope_hash: `e-${resultId}`,
    payload_hash: `p-${resultId}`,
    envelope: '{}',
    receipt: '{}',
    stored_at: AT,
    device_id: 'lbt-dev-0000000000000001',
    gemeente,
    session_id: `s-${resultId}`,
    candidate_ref: `K${resultId}`,
    status: 'completed' as const,
    created_at: AT,
    closed_at: AT,
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    package_hash: 'pkg',
    cesuur: 28,
    raw: 30,
    raw_client: 30,
    max: 40,
    outcome: 'haalbaar' as const,
    in_twijfelzone: 0,
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
    item_pattern: '1'.repeat(30) + '0'.repeat(10),
    cesuur_mismatch: 0,
    gemeente_mismatch: 0,
    twijfelzone_from: 26,
    twijfelzone_to: 30,
    pauses: 0,
    reference_form_broken: 0,
  };
}

describe.each(DB_KINDS)('migration 020 on %s', (kind) => {
  it('replaces review_counts by the change feed and notes every write in order', async () => {
    const old = await databaseAt(kind, '019-conduct');
    const { db, migrator } = old;
    try {
      await db
        .insertInto('results')
        .values([row('a1', 'Utrecht'), row('a2', 'Zwolle')])
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const heads = async () =>
        (await db.selectFrom('review_heads').select(['gemeente', 'seq']).orderBy('gemeente').execute()).map(
          (h) => `${h.gemeente}:${Number(h.seq)}`,
        );
      expect(await heads()).toEqual(['Utrecht:0', 'Zwolle:0']);
      expect(await db.selectFrom('review_changes').selectAll().execute()).toEqual([]);
      const oldTable = sql`select count(*) as n from review_counts`.execute(db);
      await expect(oldTable).rejects.toThrow();

      // One multi-row statement over two gemeenten, then an update, a route, and a delete.
      await db
        .insertInto('results')
        .values([row('b1', 'Utrecht'), row('b2', 'Utrecht'), row('b3', 'Zwolle')])
        .execute();
      await db.updateTable('results').set({ raw: 12 }).where('result_id', 'in', ['a1', 'b1']).execute();
      await db
        .insertInto('leerroutes')
        .values({
          result_id: 'b2',
          gemeente: 'Utrecht',
          route: 'Z',
          raw: 30,
          cesuur: 28,
          conform: 0,
          reason: null,
          explanation: null,
          recorded_by: 'test',
          recorded_at: AT,
        })
        .execute();
      await db.deleteFrom('leerroutes').where('result_id', '=', 'b2').execute();
      await db.deleteFrom('results').where('result_id', '=', 'b3').execute();

      expect(await heads()).toEqual(['Utrecht:6', 'Zwolle:2']);
      const changes = await db
        .selectFrom('review_changes')
        .select(['gemeente', 'seq', 'result_id'])
        .orderBy('gemeente')
        .orderBy('seq')
        .execute();
      expect(changes.map((c) => `${c.gemeente}:${Number(c.seq)}:${c.result_id}`)).toEqual([
        'Utrecht:1:b1',
        'Utrecht:2:b2',
        'Utrecht:3:a1',
        'Utrecht:4:b1',
        'Utrecht:5:b2',
        'Utrecht:6:b2',
        'Zwolle:1:b3',
        'Zwolle:2:b3',
      ]);
    } finally {
      await old.close();
    }
  });
});
