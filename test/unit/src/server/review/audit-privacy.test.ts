/**
 * Roles, the audit log, retention and data-subject requests (issue 20, items 3-5) against the real service on
 * SQLite and PostgreSQL: every read of a result sheet and every export is in the hash-chained log; an altered
 * or deleted row is named by `lbt audit verify`; `privacy` and `analist` read no results; retention with a moved
 * clock deletes exactly the expired results, logs it and keeps the review counts equal to a recount; a
 * data-subject export holds every record of that reference and nothing of another.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recountReview } from '../../../../support/review-recount';
import { commands } from '../../../../../src/cli/commands';
import { enrollDemoDevice } from '../../../../../src/cli/demo/run';
import { signedDemoResult, type DemoDevice } from '../../../../../src/cli/demo/record';
import type { CliConfig } from '../../../../../src/shared/config/cli';
import { verifyAuditLog } from '../../../../../src/server/audit/verify';
import { prng } from '../../../../../src/server/demo/plan';
import { runRetention } from '../../../../../src/server/retention/run';
import {
  addUser,
  Client,
  DB_KINDS,
  plan,
  realPackage,
  route,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

async function upload(
  service: ReviewService,
  device: DemoDevice,
  gemeente: string,
  ref: string,
  closedAt: string,
) {
  const signed = signedDemoResult(
    realPackage(),
    device,
    gemeente,
    plan(30, 'B1', closedAt),
    prng(ref.length),
    ref,
  );
  const response = await fetch(`${service.url}/v1/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(signed),
  });
  if (response.status !== 201) throw new Error(`upload ${response.status}`);
  return signed.payload.resultId;
}

const recount = (service: ReviewService) => recountReview(service.deps.db);

describe.each(DB_KINDS)('roles, audit, retention and data-subject requests on %s', (kind) => {
  let service: ReviewService;
  let device: DemoDevice;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startReviewService(kind);
    for (const [name, gemeente, role] of [
      ['consulent', 'Utrecht', 'consulent'],
      ['privacy', 'Utrecht', 'privacy'],
      ['privacy-ams', 'Amsterdam', 'privacy'],
      ['analist', '', 'analist'],
    ] as const) {
      await addUser(service, name, gemeente, role);
    }
    device = await enrollDemoDevice(service.url, service.deps, 'Utrecht', 'kiosk Utrecht');
    const other = await enrollDemoDevice(service.url, service.deps, 'Amsterdam', 'kiosk Amsterdam');
    ids.k1old = await upload(service, device, 'Utrecht', 'K-1', '2021-03-01T10:00:00.000Z');
    ids.k1new = await upload(service, device, 'Utrecht', 'K-1', '2026-05-01T10:00:00.000Z');
    ids.k10 = await upload(service, device, 'Utrecht', 'K-10', '2022-01-10T10:00:00.000Z');
    ids.k2 = await upload(service, device, 'Utrecht', 'K-2', '2026-05-02T10:00:00.000Z');
    ids.amsK1 = await upload(service, other, 'Amsterdam', 'K-1', '2021-03-01T10:00:00.000Z');
    await route(service, 'Utrecht', ids.k1new, { route: 'B1' });
    await route(service, 'Utrecht', ids.k10, { route: 'B1' });
  });
  afterAll(() => service?.stop());

  it('logs every read of a result sheet and every export in the chain', async () => {
    const client = new Client(service.url);
    expect((await client.login('consulent')).status).toBe(200);
    expect((await client.get(`/v1/review/results/${ids.k2}`)).status).toBe(200);
    expect((await client.get(`/v1/review/results/${ids.k1new}`)).status).toBe(200);
    expect((await client.get('/v1/review/export/results.csv')).status).toBe(200);
    const rows = await service.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const reads = rows.filter((r) => r.action === 'result.read');
    expect(reads.map((r) => [r.actor, r.role, r.gemeente, r.subject, r.candidate_ref, r.why])).toEqual([
      ['consulent', 'consulent', 'Utrecht', ids.k2, 'K-2', 'beoordeling'],
      ['consulent', 'consulent', 'Utrecht', ids.k1new, 'K-1', 'beoordeling'],
    ]);
    expect(rows.filter((r) => r.action === 'export').map((r) => r.subject)).toEqual(['results.csv']);
    expect(await verifyAuditLog(service.deps.db)).toMatchObject({ ok: true, entries: rows.length });
  });

  it('shows each role exactly its part of the API', async () => {
    const privacy = new Client(service.url);
    await privacy.login('privacy');
    const analist = new Client(service.url);
    await analist.login('analist');
    const consulent = new Client(service.url);
    await consulent.login('consulent');
    for (const path of [
      'distribution',
      'conditions',
      'results',
      `results/${ids.k2}`,
      'export/results.csv',
      'filter-options',
    ]) {
      expect((await privacy.get(`/v1/review/${path}`)).status, `privacy ${path}`).toBe(403);
      expect((await analist.get(`/v1/review/${path}`)).status, `analist ${path}`).toBe(403);
    }
    for (const path of ['audit', 'audit/export.csv', 'retention', 'subjects/K-1']) {
      expect((await consulent.get(`/v1/review/${path}`)).status, `consulent ${path}`).toBe(403);
      expect((await analist.get(`/v1/review/${path}`)).status, `analist ${path}`).toBe(403);
    }
    const log = await privacy.get('/v1/review/audit?limit=500');
    expect(log.status).toBe(200);
    expect(log.json.entries.every((e: { gemeente: string }) => e.gemeente === 'Utrecht')).toBe(true);
    expect(log.json.entries[0].action).toBe('audit.read');
    const csv = await privacy.get('/v1/review/audit/export.csv');
    expect(csv.type).toContain('text/csv');
    expect(csv.text).toContain('Uitslag ingezien');
  });

  it('exports everything about one candidate reference and nothing of another', async () => {
    const privacy = new Client(service.url);
    await privacy.login('privacy');
    const answer = await privacy.get('/v1/review/subjects/K-1');
    expect(answer.status).toBe(200);
    const data = answer.json;
    expect(data.results.map((r: { resultId: string }) => r.resultId).sort()).toEqual(
      [ids.k1old, ids.k1new].sort(),
    );
    expect(
      data.results.every((r: { record: { candidateRef: string } }) => r.record.candidateRef === 'K-1'),
    ).toBe(true);
    expect(data.results.find((r: { resultId: string }) => r.resultId === ids.k1new).leerroute.route).toBe(
      'B1',
    );
    const auditRefs = new Set(data.auditEntries.map((e: { candidateRef: string }) => e.candidateRef));
    expect([...auditRefs]).toEqual(['K-1']);
    // The consulent's read of K-1's sheet and this request itself.
    expect(data.auditEntries.map((e: { action: string }) => e.action)).toEqual([
      'result.read',
      'subject.export',
    ]);
    expect(JSON.stringify(data)).not.toContain(ids.k10);
    expect(JSON.stringify(data)).not.toContain(ids.amsK1);
    expect((await privacy.get('/v1/review/subjects/K-404')).status).toBe(404);
  });

  it('applies retention with a moved clock: exactly the expired results go, logged, counts consistent', async () => {
    // 2026-06-01 minus 48 months = 2022-06-01: K-1's 2021 sitting and K-10's of January 2022 are past it.
    const outcome = await runRetention(service.deps.db, service.deps.dialect, service.clock.now());
    expect(outcome.find((o) => o.gemeente === 'Utrecht')).toMatchObject({ deleted: 2, months: 48 });
    expect(outcome.find((o) => o.gemeente === 'Amsterdam')).toMatchObject({ deleted: 1 });
    const left = await service.deps.db.selectFrom('results').select('result_id').execute();
    expect(left.map((r) => r.result_id).sort()).toEqual([ids.k1new, ids.k2].sort());
    const logged = await service.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'retention.run')
      .orderBy('seq')
      .execute();
    expect(
      Object.fromEntries(logged.map((r) => [r.gemeente, JSON.parse(r.detail).deleted as number])),
    ).toEqual({ Utrecht: 2, Amsterdam: 1 });
    const { counted, direct } = await recount(service);
    expect(counted).toEqual(direct);
    // Nothing more is due: a second run deletes nothing.
    const again = await runRetention(service.deps.db, service.deps.dialect, service.clock.now());
    expect(again.reduce((s, o) => s + o.deleted, 0)).toBe(0);
  });

  it('erases a candidate on request with a confirmation, and logs the erasure', async () => {
    const privacy = new Client(service.url);
    await privacy.login('privacy');
    expect((await privacy.call('POST', '/v1/review/subjects/K-1/erase', { confirm: 'K-2' })).status).toBe(
      422,
    );
    const erased = await privacy.call('POST', '/v1/review/subjects/K-1/erase', { confirm: 'K-1' });
    expect(erased.status).toBe(200);
    expect(erased.json).toEqual({ erased: 1 });
    const left = await service.deps.db.selectFrom('results').select('candidate_ref').execute();
    expect(left.map((r) => r.candidate_ref)).toEqual(['K-2']);
    const entry = await service.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'subject.erase')
      .executeTakeFirstOrThrow();
    expect([entry.actor, entry.candidate_ref, JSON.parse(entry.detail).erased]).toEqual([
      'privacy',
      'K-1',
      1,
    ]);
    const { counted, direct } = await recount(service);
    expect(counted).toEqual(direct);
  });

  it('refuses UPDATE and DELETE on the log, and verify names an altered or deleted entry', async () => {
    const db = service.deps.db;
    await expect(sql`update audit_log set actor = 'x' where seq = 2`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    const before = await verifyAuditLog(db);
    expect(before.ok).toBe(true);
    // Someone with the database's owner rights drops the guard first.
    if (kind === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`drop trigger audit_log_no_delete`.execute(db);
    } else {
      await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
    }
    await sql`update audit_log set actor = 'iemand-anders' where seq = 3`.execute(db);
    expect(await verifyAuditLog(db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/altered/),
    });
    if (kind === 'sqlite') {
      const out = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const code = await commands['audit verify']!.run(['--data', service.deps.dataDir], {} as CliConfig);
      expect(code).toBe(1);
      expect(out.mock.calls.flat().join('\n')).toMatch(/BROKEN at entry 3/);
      out.mockRestore();
    }
    await sql`update audit_log set actor = 'consulent' where seq = 3`.execute(db);
    await sql`delete from audit_log where seq = 2`.execute(db);
    expect(await verifyAuditLog(db)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: expect.stringMatching(/missing/),
    });
  });
});
