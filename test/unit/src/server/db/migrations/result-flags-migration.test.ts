/**
 * Migration 008 on a database that already holds results: a row stored with a cesuur the kiosk claimed gets
 * its package's cesuur, twijfelzone and outcome and is flagged; its leerroute and the review counts follow; a
 * payload gemeente other than the filed one is flagged. On SQLite and on PostgreSQL.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../../../support/server-harness';
import { databaseAt } from '../../../../../support/migration-db';

const AT = '2026-05-01T10:00:00.000Z';

/** A results row as the code before 007 wrote it: the cesuur and twijfelzone the device claimed. */
function oldRow(resultId: string, cesuur: number, payloadGemeente: string) {
  const twijfelzone = { from: cesuur - 2, to: cesuur + 2, inZone: false };
  return {
    result_id: resultId,
    envelope_hash: `e-${resultId}`,
    payload_hash: `p-${resultId}`,
    envelope: JSON.stringify({
      payload: { gemeente: payloadGemeente, scoring: { cesuur, twijfelzone } },
      signature: 'x',
    }),
    receipt: '{}',
    stored_at: AT,
    device_id: 'lbt-dev-0000000000000001',
    gemeente: 'Utrecht',
    session_id: `s-${resultId}`,
    candidate_ref: 'K-1',
    status: 'completed',
    created_at: AT,
    closed_at: AT,
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    package_hash: 'pkg',
    cesuur,
    raw: 24,
    raw_client: 24,
    max: 40,
    outcome: 24 >= cesuur ? 'haalbaar' : 'niet-haalbaar',
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
    item_pattern: '1'.repeat(40),
  };
}

describe.each(DB_KINDS)('the result-flags migration on %s', (kind) => {
  it("writes the package's cesuur into stored results, flags claims, and recounts", async () => {
    const old = await databaseAt(kind, '006-scoring-packages');
    const { db, migrator } = old;
    try {
      await db
        .insertInto('scoring_packages')
        .values({
          package_hash: 'pkg',
          definition_id: 'lbt',
          definition_version: '1',
          definition: JSON.stringify({ cesuur: 26, twijfelzone: { below: 1, above: 3 } }),
          items: '[]',
          parts_sha256: 'x',
          archived_at: AT,
        })
        .execute();
      // Typed as the old table: the 007 columns do not exist yet.
      const old = db as unknown as {
        insertInto(t: 'results'): { values(v: unknown): { execute(): Promise<unknown> } };
      };
      await old
        .insertInto('results')
        .values(oldRow('claimed', 20, 'Utrecht'))
        .execute();
      await old
        .insertInto('results')
        .values(oldRow('honest', 26, 'Amsterdam'))
        .execute();
      await db
        .insertInto('leerroutes')
        .values({
          result_id: 'claimed',
          gemeente: 'Utrecht',
          route: 'B1',
          raw: 24,
          cesuur: 20,
          conform: 1,
          reason: null,
          explanation: null,
          recorded_by: 'u',
          recorded_at: AT,
        })
        .execute();

      // To 008 only: it rebuilt `review_counts`, which migration 020 removes (the review tally took its place).
      expect((await migrator.migrateTo('008-result-flags')).error).toBeUndefined();
      const rows = await db
        .selectFrom('results')
        .select([
          'result_id',
          'cesuur',
          'cesuur_mismatch',
          'gemeente_mismatch',
          'outcome',
          'twijfelzone_from',
          'twijfelzone_to',
          'in_twijfelzone',
        ])
        .orderBy('result_id')
        .execute();
      expect(rows).toEqual([
        {
          result_id: 'claimed',
          cesuur: 26,
          cesuur_mismatch: 1,
          gemeente_mismatch: 0,
          outcome: 'niet-haalbaar',
          twijfelzone_from: 25,
          twijfelzone_to: 29,
          in_twijfelzone: 0,
        },
        {
          result_id: 'honest',
          cesuur: 26,
          // Its envelope's zone was 24..28, the package's is 25..29: the claim differs, so it is flagged too.
          cesuur_mismatch: 1,
          gemeente_mismatch: 1,
          outcome: 'niet-haalbaar',
          twijfelzone_from: 25,
          twijfelzone_to: 29,
          in_twijfelzone: 0,
        },
      ]);
      const route = await db.selectFrom('leerroutes').select(['cesuur', 'conform']).executeTakeFirstOrThrow();
      expect(route).toEqual({ cesuur: 26, conform: 0 });
      const counts = (
        await sql<{ raw: number; cesuur: number; route: string; n: number }>`
          select raw, cesuur, route, n from review_counts where n > 0 order by route`.execute(db)
      ).rows;
      expect(counts.map((c) => ({ ...c, n: Number(c.n) }))).toEqual([
        { raw: 24, cesuur: 26, route: '-', n: 2 },
        { raw: 24, cesuur: 26, route: 'B1', n: 1 },
      ]);
    } finally {
      await old.close();
    }
  });
});
