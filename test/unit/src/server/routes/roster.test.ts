/** `GET /v1/roster`: device-signed request headers, the signed roster, the growing serial. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roster, SignedRoster } from '../../../../../src/shared/results-service';
import { renewAfnemer, revokeAfnemer, upsertAfnemer } from '../../../../../src/server/admin/afnemers';
import { revokeDevice } from '../../../../../src/server/admin/devices';
import { pinMatches } from '../../../../../src/server/admin/pin-verifier';
import { publicKeyFromRaw, verifyJson } from '../../../../../src/host/signing';
import { enrollDevice, newDevice, type TestDevice } from '../../../../support/results-service';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';
import { expectProblemResponse } from '../../../../support/server-problems';

describe.each(DB_KINDS)('roster on %s', (kind) => {
  let service: TestService;
  let device: TestDevice;
  let serverKey: { keyId: string; publicKey: string };

  beforeAll(async () => {
    service = await startTestService(kind);
    device = newDevice();
    serverKey = (await enrollDevice(service.url, service.deps, device, 'Utrecht')).serverKey;
    await upsertAfnemer(service.deps, {
      afnemerId: 'AFN-20417',
      name: 'A. de Vries',
      gemeente: 'Utrecht',
      validUntil: '2027-06-30',
      pin: '48213',
    });
    await upsertAfnemer(service.deps, {
      afnemerId: 'AFN-30001',
      name: 'B. Jansen',
      gemeente: 'Amsterdam',
      validUntil: '2027-06-30',
      pin: '111111',
    });
  });
  afterAll(() => service.stop());

  const getRoster = (headers: Record<string, string>) => fetch(`${service.url}/v1/roster`, { headers });
  const signedGet = () => getRoster(device.requestHeaders('GET', '/v1/roster', service.clock.now()));

  it("serves the device's gemeente only, signed by the server key, with PIN verifiers that check", async () => {
    const response = await signedGet();
    expect(response.status).toBe(200);
    const roster = SignedRoster.parse(await response.json());
    expect(verifyJson(roster, publicKeyFromRaw(Buffer.from(serverKey.publicKey, 'base64')))).toEqual({
      ok: true,
    });
    expect(roster.payload.gemeente).toBe('Utrecht');
    expect(roster.payload.afnemers.map((a) => a.afnemerId)).toEqual(['AFN-20417']);
    const entry = roster.payload.afnemers[0]!;
    expect(entry).toMatchObject({ name: 'A. de Vries', validUntil: '2027-06-30', status: 'active' });
    expect(entry.pin).toMatchObject({ alg: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(JSON.stringify(roster)).not.toContain('48213');
    expect(await pinMatches('48213', entry.pin)).toBe(true);
    expect(await pinMatches('48214', entry.pin)).toBe(false);
  });

  it('grows the serial with every afnemer change and lists a revoked afnemer as revoked', async () => {
    const serialOf = async () =>
      Roster.parse(((await (await signedGet()).json()) as SignedRoster).payload).serial;
    const first = await serialOf();
    expect(await renewAfnemer(service.deps, 'AFN-20417', '2028-06-30')).toBe(true);
    const second = await serialOf();
    expect(second).toBeGreaterThan(first);
    expect(await revokeAfnemer(service.deps, 'AFN-20417')).toBe(true);
    const roster = SignedRoster.parse(await (await signedGet()).json());
    expect(roster.payload.serial).toBeGreaterThan(second);
    expect(roster.payload.afnemers[0]).toMatchObject({
      afnemerId: 'AFN-20417',
      status: 'revoked',
      validUntil: '2028-06-30',
    });
    expect(await revokeAfnemer(service.deps, 'AFN-99999')).toBe(false);
  });

  it('refuses a request without headers, with a bad signature, or signed for another path', async () => {
    await expectProblemResponse(await getRoster({}), 401, 'unauthorized');
    const headers = device.requestHeaders('GET', '/v1/roster', service.clock.now());
    const bad = Buffer.from(headers['x-lbt-signature']!, 'base64');
    bad[0] = bad[0]! ^ 1;
    await expectProblemResponse(
      await getRoster({ ...headers, 'x-lbt-signature': bad.toString('base64') }),
      401,
      'bad-signature',
    );
    await expectProblemResponse(
      await getRoster(device.requestHeaders('GET', '/v1/results', service.clock.now())),
      401,
      'bad-signature',
    );
  });

  it('refuses a request time more than five minutes from the service clock', async () => {
    const late = new Date(service.clock.now().getTime() - 6 * 60_000);
    await expectProblemResponse(
      await getRoster(device.requestHeaders('GET', '/v1/roster', late)),
      401,
      'unauthorized',
    );
  });

  it('refuses an unknown device (401) and a revoked device (403)', async () => {
    const stranger = newDevice();
    await expectProblemResponse(
      await getRoster(stranger.requestHeaders('GET', '/v1/roster', service.clock.now())),
      401,
      'unknown-device',
    );
    const revoked = newDevice();
    await enrollDevice(service.url, service.deps, revoked);
    await revokeDevice(service.deps, revoked.deviceId);
    await expectProblemResponse(
      await getRoster(revoked.requestHeaders('GET', '/v1/roster', service.clock.now())),
      403,
      'revoked-device',
    );
  });

  it('refuses bad afnemer input in the admin module with a clear error', async () => {
    const base = {
      afnemerId: 'AFN-1',
      name: 'X',
      gemeente: 'Utrecht',
      validUntil: '2027-01-01',
      pin: '12345',
    };
    await expect(upsertAfnemer(service.deps, base)).rejects.toThrow(/afnemer id/);
    await expect(
      upsertAfnemer(service.deps, { ...base, afnemerId: 'AFN-12345', pin: '1234' }),
    ).rejects.toThrow(/5 or 6 digits/);
    await expect(
      upsertAfnemer(service.deps, { ...base, afnemerId: 'AFN-12345', validUntil: '2027-02-30' }),
    ).rejects.toThrow(/not a date/);
  });
});
