/**
 * Issue 17 item 4: a small-order or non-canonical device key is refused at enrollment, a key an older version
 * let in is refused at ingest, and signatures must be canonical (one base64 spelling, S < L) on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode } from '../../../../../src/server/admin/enrollment-codes';
import { verifyEd25519 } from '../../../../../src/server/crypto/ed25519';
import { signResult } from '../../../../../src/host/result/sign';
import { ED25519_P, SMALL_ORDER_ENCODINGS } from '../../../../../src/shared/signing/ed25519-encoding';
import {
  IDENTITY_FORGERY,
  IDENTITY_POINT,
  identityOf,
  respell,
  RFC8032_TEST1,
  unsafePublicKey,
  withSPlusL,
} from '../../../../support/ed25519-forgery';
import {
  enrollDevice,
  newDevice,
  postResult,
  resultRecord,
  signedResult,
} from '../../../../support/results-service';
import type { TestDevice } from '../../../../support/results-service';
import {
  countResults,
  DB_KINDS,
  INGEST_SETUPS,
  startTestService,
  type TestService,
} from '../../../../support/server-harness';
import { expectProblemResponse } from '../../../../support/server-problems';

/** y = p + 5 with the sign bit clear: not on the small-order list, but not a canonical encoding either. */
const NON_CANONICAL_KEY = Buffer.from(
  (ED25519_P + 5n).toString(16).padStart(64, '0').match(/../g)!.reverse().join(''),
  'hex',
);

describe.each(DB_KINDS)('enrollment of small-order and non-canonical keys on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(() => service.stop());

  const redeem = (code: string, body: Record<string, unknown>) =>
    fetch(`${service.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, ...body }),
    });

  const deviceCount = async () => (await service.deps.db.selectFrom('devices').selectAll().execute()).length;

  const refusesKey = async (body: Record<string, unknown>, why: RegExp) => {
    const { code } = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht' });
    const before = await deviceCount();
    const problem = await expectProblemResponse(await redeem(code, body), 400, 'invalid');
    expect(problem.detail).toMatch(/^The public key is refused: /);
    expect(problem.detail).toMatch(why);
    expect(await deviceCount()).toBe(before);
    // The code was not spent on the refused key.
    expect((await redeem(code, { ...newDeviceBody() })).status).toBe(201);
  };

  const newDeviceBody = () => {
    const device = newDevice();
    return { deviceId: device.deviceId, keyId: device.keyId, publicKey: device.publicKey };
  };

  it.each(SMALL_ORDER_ENCODINGS)('refuses the small-order point %s', async (encoding) => {
    await refusesKey(identityOf(Buffer.from(encoding, 'hex')), /small-order/);
  });

  it('refuses a non-canonical key (y >= p) and a second base64 spelling of a good key', async () => {
    await refusesKey(identityOf(NON_CANONICAL_KEY), /non-canonical point/);
    const good = newDeviceBody();
    await refusesKey({ ...good, publicKey: respell(good.publicKey) }, /canonical base64/);
  });
});

describe.each(INGEST_SETUPS)(
  'forged and non-canonical signatures on %s, %i check threads',
  (kind, threads) => {
    let service: TestService;
    let device: TestDevice;
    beforeAll(async () => {
      service = await startTestService(kind, { checkThreads: threads });
      device = newDevice();
      await enrollDevice(service.url, service.deps, device);
    });
    afterAll(() => service.stop());

    it('refuses R = identity, S = 0 under an identity key enrolled by an older version', async () => {
      const identity = identityOf(IDENTITY_POINT);
      // Written straight into the table, as a version without the enrollment check could have.
      await service.deps.db
        .insertInto('devices')
        .values({
          device_id: identity.deviceId,
          key_id: identity.keyId,
          public_key: identity.publicKey,
          gemeente: 'Utrecht',
          label: 'old enrollment',
          enrolled_at: service.clock.now().toISOString(),
          revoked_at: null,
        })
        .execute();
      const forger = {
        ...device,
        ...identity,
        signer: { keyId: identity.keyId, sign: () => IDENTITY_FORGERY },
      };
      const forged = signResult(resultRecord(forger), forger.signer);
      const before = await countResults(service);
      const answer = await postResult(service.url, forged);
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({ code: 'forbidden' });
      expect(String(answer.json.detail)).toMatch(/small-order/);
      expect(await countResults(service)).toBe(before);
    });

    it('refuses a valid signature with L added to S, and another base64 spelling of it', async () => {
      const envelope = signedResult(device);
      const before = await countResults(service);
      const plusL = await postResult(service.url, { ...envelope, signature: withSPlusL(envelope.signature) });
      expect(plusL).toMatchObject({ status: 400, json: { code: 'bad-signature' } });
      const respelt = await postResult(service.url, { ...envelope, signature: respell(envelope.signature) });
      expect(respelt).toMatchObject({ status: 400, json: { code: 'invalid' } });
      expect(await countResults(service)).toBe(before);
      // The genuine spelling is still stored.
      expect((await postResult(service.url, envelope)).status).toBe(201);
    });

    it('refuses S + L and a respelled signature on a device-signed roster request', async () => {
      const headers = device.requestHeaders('GET', '/v1/roster', service.clock.now());
      const signature = headers['x-lbt-signature']!;
      for (const bad of [withSPlusL(signature), respell(signature)]) {
        const response = await fetch(`${service.url}/v1/roster`, {
          headers: { ...headers, 'x-lbt-signature': bad },
        });
        await expectProblemResponse(response, 401, 'bad-signature');
      }
    });
  },
);

describe('the service verifier', () => {
  it('accepts RFC 8032 test 1 and refuses the identity forgery for any message', () => {
    const key = unsafePublicKey(Buffer.from(RFC8032_TEST1.publicKey, 'hex'));
    const signature = Buffer.from(RFC8032_TEST1.signature, 'hex').toString('base64');
    expect(verifyEd25519(new Uint8Array(0), signature, key)).toBe(true);
    expect(verifyEd25519(new Uint8Array(0), withSPlusL(signature), key)).toBe(false);
    const identity = unsafePublicKey(IDENTITY_POINT);
    expect(verifyEd25519(Buffer.from('any message'), IDENTITY_FORGERY.toString('base64'), identity)).toBe(
      false,
    );
  });
});
