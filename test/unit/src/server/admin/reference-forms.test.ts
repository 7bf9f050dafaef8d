/**
 * A gemeente's reference form on the service: kept as a history, sent inside the signed roster (with a new
 * serial, so kiosks fetch it), and used at ingest to flag a reference that breaks the form in force when its
 * sitting opened. The result is stored all the same: the kiosk could not send it otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFormAt, setReferenceForm } from '../../../../../src/server/admin/reference-forms';
import { CLI_ACTOR } from '../../../../../src/server/audit/append';
import { verifyAuditLog } from '../../../../../src/server/audit/verify';
import { SignedRoster } from '../../../../../src/shared/results-service';
import { publicKeyFromRaw, verifyJson } from '../../../../../src/host/signing';
import {
  enrollDevice,
  newDevice,
  postResult,
  signedResult,
  type TestDevice,
} from '../../../../support/results-service';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';

const FORM = { masks: ['999999999'], checkDigit: 'elfproef', example: '123456782' } as const;

describe.each(DB_KINDS)('reference forms on %s', (kind) => {
  let service: TestService;
  let device: TestDevice;
  let serverKey: { keyId: string; publicKey: string };

  beforeAll(async () => {
    service = await startTestService(kind);
    device = newDevice();
    serverKey = (await enrollDevice(service.url, service.deps, device, 'Utrecht')).serverKey;
  });
  afterAll(() => service.stop());

  const roster = async () => {
    const path = '/v1/roster';
    const response = await fetch(`${service.url}${path}`, {
      headers: device.requestHeaders('GET', path, service.clock.now()),
    });
    return SignedRoster.parse(await response.json());
  };
  const flagOf = async (resultId: string) =>
    (
      await service.deps.db
        .selectFrom('results')
        .select('reference_form_broken')
        .where('result_id', '=', resultId)
        .executeTakeFirstOrThrow()
    ).reference_form_broken;

  it('sends no form until one is set, then the form inside the signed roster with a higher serial', async () => {
    const before = await roster();
    expect(before.payload.referenceForm).toBeUndefined();
    await setReferenceForm(
      service.deps.db,
      service.deps.dialect,
      new Date('2026-03-01T00:00:00.000Z'),
      'Utrecht',
      { ...FORM, masks: [...FORM.masks] },
      CLI_ACTOR,
    );
    const after = await roster();
    expect(after.payload.referenceForm).toEqual(FORM);
    expect(after.payload.serial).toBeGreaterThan(before.payload.serial);
    expect(verifyJson(after, publicKeyFromRaw(Buffer.from(serverKey.publicKey, 'base64')))).toEqual({
      ok: true,
    });
    expect(await referenceFormAt(service.deps.db, 'Amsterdam')).toBeNull();
  });

  it('refuses a form that could let a name through, and changes nothing', async () => {
    await expect(
      setReferenceForm(
        service.deps.db,
        service.deps.dialect,
        new Date(),
        'Utrecht',
        { masks: ['AAAAAA'], checkDigit: 'geen', example: 'JANSEN' },
        CLI_ACTOR,
      ),
    ).rejects.toThrow();
    expect(await referenceFormAt(service.deps.db, 'Utrecht')).toEqual(FORM);
  });

  it('stores and flags a result whose reference breaks the form of its sitting; a fitting one is not flagged', async () => {
    const bad = signedResult(device, { candidateRef: 'JANDEVRIES2' });
    expect((await postResult(service.url, bad)).status).toBe(201);
    expect(await flagOf(bad.payload.resultId)).toBe(1);
    const good = signedResult(device, { candidateRef: '123456782' });
    expect((await postResult(service.url, good)).status).toBe(201);
    expect(await flagOf(good.payload.resultId)).toBe(0);
    // A sitting from before the form existed is judged by what held then: nothing.
    const old = signedResult(device, {
      candidateRef: 'K-2026-0042',
      at: new Date('2026-02-01T09:00:00.000Z'),
    });
    expect((await postResult(service.url, old)).status).toBe(201);
    expect(await flagOf(old.payload.resultId)).toBe(0);
  });

  it('keeps the history: a cleared form is no form from then on', async () => {
    await setReferenceForm(
      service.deps.db,
      service.deps.dialect,
      new Date('2026-03-05T00:00:00.000Z'),
      'Utrecht',
      null,
      CLI_ACTOR,
    );
    expect(await referenceFormAt(service.deps.db, 'Utrecht')).toBeNull();
    expect(await referenceFormAt(service.deps.db, 'Utrecht', '2026-03-02T09:00:00.000Z')).toEqual(FORM);
    expect((await roster()).payload.referenceForm).toBeUndefined();
  });

  it('writes every set and clear to the audit log with who, what and why; a refused form writes nothing', async () => {
    const entries = await service.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'role', 'gemeente', 'action', 'why', 'detail'])
      .where('action', 'like', 'reference-form.%')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.actor, e.role, e.gemeente, e.action, e.why, JSON.parse(e.detail)])).toEqual([
      [
        'lbt',
        'system',
        'Utrecht',
        'reference-form.set',
        'referentievorm',
        { masks: '999999999', checkDigit: 'elfproef' },
      ],
      ['lbt', 'system', 'Utrecht', 'reference-form.clear', 'referentievorm', {}],
    ]);
    expect(await verifyAuditLog(service.deps.db)).toMatchObject({ ok: true });
  });
});
