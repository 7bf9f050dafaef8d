/** Enrollment codes: issued by the admin module, redeemed once over HTTP, refused when used or expired. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollResponse } from '../../../../../src/shared/results-service';
import { ENROLLMENT_CODE_DAYS, issueEnrollmentCode } from '../../../../../src/server/admin/enrollment-codes';
import { listDevices, revokeDevice } from '../../../../../src/server/admin/devices';
import { newDevice, type TestDevice } from '../../../../support/results-service';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';
import { expectProblemResponse } from '../../../../support/server-problems';

describe.each(DB_KINDS)('enrollment on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(() => service.stop());

  const redeem = (code: string, device: TestDevice, extra: Record<string, unknown> = {}) =>
    fetch(`${service.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        deviceId: device.deviceId,
        keyId: device.keyId,
        publicKey: device.publicKey,
        ...extra,
      }),
    });

  it('issues a code that is stored only as its hash and expires after 7 days', async () => {
    const issued = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht', label: 'kiosk 1' });
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    expect(Date.parse(issued.expiresAt) - service.clock.now().getTime()).toBe(
      ENROLLMENT_CODE_DAYS * 86_400_000,
    );
    const rows = await service.deps.db.selectFrom('enrollment_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.code);
    expect(JSON.stringify(rows)).not.toContain(issued.code.replace(/-/g, ''));
  });

  it('enrolls a device with a code (typed in lower case) and gives it the key to pin', async () => {
    const issued = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    const device = newDevice();
    const response = await redeem(issued.code.toLowerCase(), device);
    expect(response.status).toBe(201);
    const body = EnrollResponse.parse(await response.json());
    expect(body).toMatchObject({ deviceId: device.deviceId, gemeente: 'Utrecht' });
    expect(body.serverKey.keyId).toMatch(/^[0-9a-f]{64}$/);
    const devices = await listDevices(service.deps);
    expect(devices.find((d) => d.device_id === device.deviceId)).toMatchObject({
      key_id: device.keyId,
      public_key: device.publicKey,
      revoked_at: null,
    });
  });

  it('refuses a code the second time, for any device', async () => {
    const issued = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    expect((await redeem(issued.code, newDevice())).status).toBe(201);
    const problem = await expectProblemResponse(
      await redeem(issued.code, newDevice()),
      400,
      'bad-enrollment-code',
    );
    expect(problem.detail).toMatch(/already used/);
  });

  it('refuses an expired code and an unknown code', async () => {
    const issued = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    service.clock.advance(ENROLLMENT_CODE_DAYS * 86_400_000 + 1);
    const expired = await expectProblemResponse(
      await redeem(issued.code, newDevice()),
      400,
      'bad-enrollment-code',
    );
    expect(expired.detail).toMatch(/expired/);
    const unknown = await expectProblemResponse(
      await redeem('ABCD-EFGH-JKMN-PQRS', newDevice()),
      400,
      'bad-enrollment-code',
    );
    expect(unknown.detail).toMatch(/not known/);
  });

  it('refuses a key id or device id that is not derived from the public key, without using the code', async () => {
    const issued = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    const device = newDevice();
    await expectProblemResponse(
      await redeem(issued.code, device, { keyId: newDevice().keyId }),
      400,
      'invalid',
    );
    expect((await redeem(issued.code, device)).status).toBe(201);
  });

  it('does not enroll a revoked device again', async () => {
    const device = newDevice();
    expect(
      (await redeem((await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' })).code, device)).status,
    ).toBe(201);
    await revokeDevice(service.deps, device.deviceId);
    const code = (await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' })).code;
    await expectProblemResponse(await redeem(code, device), 403, 'revoked-device');
  });

  it('lets only one of two devices racing for one code win', async () => {
    const { code } = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    const answers = await Promise.all([redeem(code, newDevice()), redeem(code, newDevice())]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
  });

  it('names the wrong fields of a malformed request', async () => {
    const response = await fetch(`${service.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'nope', deviceId: 'x' }),
    });
    const problem = await expectProblemResponse(response, 400, 'invalid');
    expect(problem.issues).toContainEqual(expect.stringMatching(/^\$\.code: /));
  });
});
