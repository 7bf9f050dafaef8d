/**
 * I-JSON at the service's JSON boundaries: a body that names a member twice is refused with a 400 problem
 * before anything is stored. JSON.parse alone keeps the last duplicate, so a signature made over the genuine
 * (last) value verifies while the stored text also shows the spoofed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../../src/shared/signing';
import { issueEnrollmentCode } from '../../../../../src/server/admin/enrollment-codes';
import { enrollDevice, newDevice, signedResult, type TestDevice } from '../../../../support/results-service';
import {
  countResults,
  INGEST_SETUPS,
  startTestService,
  type TestService,
} from '../../../../support/server-harness';
import { expectProblemResponse } from '../../../../support/server-problems';

const post = (url: string, path: string, text: string) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });

describe.each(INGEST_SETUPS)('duplicate JSON keys on %s with %i check threads', (kind, checkThreads) => {
  let service: TestService;
  let device: TestDevice;

  beforeAll(async () => {
    service = await startTestService(kind, { checkThreads });
    device = newDevice();
    await enrollDevice(service.url, service.deps, device);
  });
  afterAll(() => service.stop());

  it('refuses a result whose payload names candidateRef twice (spoofed first, genuine last, valid signature)', async () => {
    const envelope = signedResult(device);
    const text = canonicalJson(envelope).replace('"payload":{', '"payload":{"candidateRef":"SPOOFED",');
    expect(JSON.parse(text)).toEqual(JSON.parse(canonicalJson(envelope)));
    const problem = await expectProblemResponse(
      await post(service.url, '/v1/results', text),
      400,
      'bad-json',
    );
    expect(problem.detail).toContain('"candidateRef"');
    expect(problem.detail).toContain('$.payload');
    expect(await countResults(service)).toBe(0);
    // The same result without the spoof is still accepted: nothing was half-stored.
    expect((await post(service.url, '/v1/results', canonicalJson(envelope))).status).toBe(201);
    expect(await countResults(service)).toBe(1);
  });

  it('refuses an envelope that names signature twice', async () => {
    const envelope = signedResult(device);
    const text = canonicalJson(envelope).replace('{"alg"', '{"signature":"AAAA","alg"');
    const problem = await expectProblemResponse(
      await post(service.url, '/v1/results', text),
      400,
      'bad-json',
    );
    expect(problem.detail).toContain('"signature"');
    const stored = await service.deps.db
      .selectFrom('results')
      .select('result_id')
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('refuses an enrollment request that names publicKey twice, and the code stays unused', async () => {
    const { code } = await issueEnrollmentCode(service.deps, { gemeente: 'Utrecht', label: 'dup' });
    const other = newDevice();
    const text = JSON.stringify({
      code,
      deviceId: other.deviceId,
      keyId: other.keyId,
      publicKey: other.publicKey,
    }).replace('{', `{"publicKey":${JSON.stringify(device.publicKey)},`);
    await expectProblemResponse(await post(service.url, '/v1/devices/enroll', text), 400, 'bad-json');
    const again = JSON.stringify({
      code,
      deviceId: other.deviceId,
      keyId: other.keyId,
      publicKey: other.publicKey,
    });
    expect((await post(service.url, '/v1/devices/enroll', again)).status).toBe(201);
  });

  it('refuses a review API body with a repeated name (the review scope uses the same parser)', async () => {
    const response = await post(
      service.url,
      '/v1/review/login',
      '{"username":"a","username":"b","password":"x"}',
    );
    await expectProblemResponse(response, 400, 'bad-json');
  });
});
