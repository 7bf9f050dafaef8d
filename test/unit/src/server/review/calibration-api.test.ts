/**
 * The beheerder's calibration endpoints on the real service (SQLite, and PostgreSQL where it runs): only a
 * beheerder may list, read or run (a consulent and the privacy officer get 403), too few sittings is a 422 with
 * the engine's Dutch reason, a run stores a signed report that reads back verified, and a report changed in the
 * database afterwards is a 409 that says so. The run is written to the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../../src/server/audit/verify';
import { CalibrationListResponse, CalibrationResponse } from '../../../../../src/shared/review';
import {
  addSimulatedSittings,
  addUser,
  Client,
  DB_KINDS,
  plan,
  realPackage,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe.each(DB_KINDS)('calibration API on %s', (kind) => {
  let service: ReviewService;
  const packageHash = realPackage().packageHash;

  beforeAll(async () => {
    service = await startReviewService(kind);
    await seed(service, 'Utrecht', [
      plan(20, 'onbekend', '2026-05-01T10:00:00.000Z'),
      plan(30, 'onbekend', '2026-05-02T10:00:00.000Z'),
    ]);
    await addUser(service, 'beheer', 'Utrecht', 'beheerder');
    await addUser(service, 'consulent', 'Utrecht', 'consulent');
    await addUser(service, 'privacy', 'Utrecht', 'privacy');
  }, 120_000);
  afterAll(async () => service?.stop());

  it('refuses every role but the beheerder', async () => {
    for (const username of ['consulent', 'privacy']) {
      const client = new Client(service.url);
      expect((await client.login(username)).status).toBe(200);
      expect((await client.get('/v1/review/calibrations')).status).toBe(403);
      expect((await client.get('/v1/review/calibrations/0193a5b0-0000-4000-8000-000000000001')).status).toBe(
        403,
      );
      expect((await client.call('POST', '/v1/review/calibrations', { packageHash })).status).toBe(403);
    }
    expect((await new Client(service.url).get('/v1/review/calibrations')).status).toBe(401);
  });

  it('runs, lists and reads a signed calibration, and refuses one changed afterwards', async () => {
    const client = new Client(service.url);
    await client.login('beheer');
    const tooFew = await client.call('POST', '/v1/review/calibrations', { packageHash });
    expect(tooFew.status).toBe(422);
    expect(tooFew.json.detail).toMatch(/te weinig gegevens: 2 afnames/);
    expect(
      (await client.call('POST', '/v1/review/calibrations', { packageHash: 'f'.repeat(64) })).status,
    ).toBe(404);

    await addSimulatedSittings(service, 300);
    const ran = await client.call('POST', '/v1/review/calibrations', { packageHash });
    expect(ran.status).toBe(200);
    expect(ran.json).toMatchObject({ packageHash, resultCount: 302, createdBy: 'beheer', valid: true });
    // The run is a change: one entry, in the chain, naming who, the report and the package (not the 422 before it).
    const entries = await service.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calibration.run')
      .execute();
    expect(entries.map((e) => [e.actor, e.role, e.gemeente, e.why, e.subject, JSON.parse(e.detail)])).toEqual(
      [['beheer', 'beheerder', 'Utrecht', 'kalibratie', ran.json.reportId, { packageHash, results: 302 }]],
    );
    expect(await verifyAuditLog(service.deps.db)).toMatchObject({ ok: true });

    const list = CalibrationListResponse.parse((await client.get('/v1/review/calibrations')).json);
    expect(list.packages).toHaveLength(1);
    expect(list.packages[0]!.results).toBe(302);
    expect(list.packages[0]!.calibrations.map((c) => c.reportId)).toEqual([ran.json.reportId]);

    const read = CalibrationResponse.parse(
      (await client.get(`/v1/review/calibrations/${ran.json.reportId}`)).json,
    );
    expect(read.record.report.items).toHaveLength(40);
    expect(read.record.dif.find((d) => d.condition === 'inputType')).toMatchObject({
      reference: 'aanraken',
      focal: 'muis',
    });

    const row = await service.deps.db
      .selectFrom('calibration_reports')
      .select('signed')
      .executeTakeFirstOrThrow();
    await service.deps.db
      .updateTable('calibration_reports')
      .set({ signed: row.signed.replace('"kr20":0.', '"kr20":0.9') })
      .execute();
    const tampered = await client.get(`/v1/review/calibrations/${ran.json.reportId}`);
    expect(tampered.status).toBe(409);
    expect(tampered.json.detail).toMatch(/klopt niet met zijn handtekening/);
    const after = CalibrationListResponse.parse((await client.get('/v1/review/calibrations')).json);
    expect(after.packages[0]!.calibrations[0]!.valid).toBe(false);
    expect((await client.get('/v1/review/calibrations/0193a5b0-0000-4000-8000-00000000ffff')).status).toBe(
      404,
    );
    expect((await client.get('/v1/review/calibrations/niet-een-id')).status).toBe(404);
  });
});
