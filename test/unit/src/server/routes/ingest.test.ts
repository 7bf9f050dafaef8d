/** `POST /v1/results` over real HTTP, on SQLite and on PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IngestResponse,
  Problem,
  PROBLEM_CONTENT_TYPE,
  Receipt,
} from '../../../../../src/shared/results-service';
import { canonicalBytes } from '../../../../../src/shared/signing';
import { revokeDevice } from '../../../../../src/server/admin/devices';
import { reference } from '../../../../../src/server/review/distribution';
import { listResults } from '../../../../../src/server/review/result-list';
import { publicKeyFromRaw, verifyJson } from '../../../../../src/host/signing';
import { createHash } from 'node:crypto';
import {
  enrollDevice,
  newDevice,
  postResult,
  signedResult,
  type TestDevice,
} from '../../../../support/results-service';
import {
  countResults,
  INGEST_SETUPS,
  startTestService,
  type TestService,
} from '../../../../support/server-harness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function expectProblem(
  answer: { status: number; contentType: string; json: unknown },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toContain(PROBLEM_CONTENT_TYPE);
  const problem = Problem.parse(answer.json);
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  return problem;
}

describe.each(INGEST_SETUPS)('ingest on %s with %i check threads', (kind, checkThreads) => {
  let service: TestService;
  let device: TestDevice;
  let serverKey: { keyId: string; publicKey: string };

  beforeAll(async () => {
    service = await startTestService(kind, { checkThreads });
    device = newDevice();
    serverKey = (await enrollDevice(service.url, service.deps, device)).serverKey;
  });
  afterAll(() => service.stop());

  it('stores a device-signed result and answers with a receipt signed by the server key', async () => {
    const envelope = signedResult(device, { interpreter: true });
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    const body = IngestResponse.parse(answer.json);
    expect(body.duplicate).toBe(false);
    expect(body.flags).toEqual([]);
    const receipt = Receipt.parse(body.receipt.payload);
    expect(receipt.resultId).toBe(envelope.payload.resultId);
    expect(receipt.deviceId).toBe(device.deviceId);
    expect(receipt.payloadHash).toBe(sha256(canonicalBytes(envelope.payload)));
    expect(receipt.storedAt).toBe(service.clock.now().toISOString());
    const key = publicKeyFromRaw(Buffer.from(serverKey.publicKey, 'base64'));
    expect(verifyJson(body.receipt, key)).toEqual({ ok: true });

    const row = await service.deps.db
      .selectFrom('results')
      .selectAll()
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.envelope)).toEqual(envelope);
    expect(row.envelope_hash).toBe(sha256(canonicalBytes(envelope)));
    expect(row.payload_hash).toBe(receipt.payloadHash);
    expect(row).toMatchObject({
      gemeente: 'Utrecht',
      raw: 2,
      raw_client: 2,
      max: 4,
      outcome: 'haalbaar',
      in_twijfelzone: 1,
      score_mismatch: 0,
      input_type: 'mixed',
      interpreter: 1,
      practiced: 'no',
      shell: 'chromium',
      resolution: '1920x1080@1',
      mouse_used: 1,
      focus_lost: 1,
      item_pattern: '1100',
    });
  });

  it('answers the same bytes again with the very same receipt (200, duplicate) and stores nothing new', async () => {
    const envelope = signedResult(device);
    const first = await postResult(service.url, envelope);
    const before = await countResults(service);
    service.clock.advance(60_000);
    // Re-ordered keys are the same canonical bytes: still a duplicate.
    const reordered = {
      alg: envelope.alg,
      keyId: envelope.keyId,
      signature: envelope.signature,
      payload: envelope.payload,
    };
    const again = await postResult(service.url, reordered);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    expect(again.json.receipt).toEqual(first.json.receipt);
    expect(await countResults(service)).toBe(before);
  });

  it('refuses different bytes under a stored result id with 409 and keeps the first', async () => {
    const envelope = signedResult(device);
    expect((await postResult(service.url, envelope)).status).toBe(201);
    const changed = signedResult(device, { candidateRef: 'K-OTHER' });
    const forged = { ...changed, payload: { ...changed.payload, resultId: envelope.payload.resultId } };
    const resigned = (await import('../../../../../src/host/result/sign')).signResult(
      forged.payload,
      device.signer,
    );
    expectProblem(await postResult(service.url, resigned), 409, 'conflict');
    const row = await service.deps.db
      .selectFrom('results')
      .select('envelope')
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.envelope)).toEqual(envelope);
  });

  it('stores concurrent duplicates once, and every copy gets the same receipt', async () => {
    const envelope = signedResult(device);
    const before = await countResults(service);
    const answers = await Promise.all(Array.from({ length: 12 }, () => postResult(service.url, envelope)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(11);
    for (const a of answers) expect(a.json.receipt).toEqual(answers[0]!.json.receipt);
    expect(await countResults(service)).toBe(before + 1);
  });

  it('refuses an unknown device with 403 unknown-device', async () => {
    const stranger = newDevice();
    expectProblem(await postResult(service.url, signedResult(stranger)), 403, 'unknown-device');
  });

  it('refuses a revoked device with 403 revoked-device', async () => {
    const revoked = newDevice();
    await enrollDevice(service.url, service.deps, revoked);
    expect((await postResult(service.url, signedResult(revoked))).status).toBe(201);
    expect(await revokeDevice(service.deps, revoked.deviceId)).toBe('revoked');
    expectProblem(await postResult(service.url, signedResult(revoked)), 403, 'revoked-device');
  });

  it('refuses a result signed by another key, a bad signature and a flipped byte', async () => {
    const other = newDevice();
    const byOther = signedResult(other);
    const claimed = { ...byOther, payload: { ...byOther.payload, deviceId: device.deviceId } };
    expectProblem(await postResult(service.url, claimed), 400, 'bad-signature');

    const envelope = signedResult(device);
    const signature = Buffer.from(envelope.signature, 'base64');
    signature[10] = signature[10]! ^ 0x01;
    expectProblem(
      await postResult(service.url, { ...envelope, signature: signature.toString('base64') }),
      400,
      'bad-signature',
    );
    // One byte of the payload changed (K-2026-0042 -> K-2026-0043): the signature no longer covers it.
    const text = JSON.stringify(envelope).replace('K-2026-0042', 'K-2026-0043');
    expectProblem(await postResult(service.url, text), 400, 'bad-signature');
  });

  it('refuses a result for a package the service does not have with 422 unknown-package', async () => {
    const before = await countResults(service);
    expectProblem(
      await postResult(service.url, signedResult(device, { packageHash: 'b'.repeat(64) })),
      422,
      'unknown-package',
    );
    expect(await countResults(service)).toBe(before);
  });

  it('refuses a demonstration result with 422 demo-result and stores nothing, so no statistic can count it', async () => {
    const before = await countResults(service);
    const problem = expectProblem(
      await postResult(service.url, signedResult(device, { demo: true })),
      422,
      'demo-result',
    );
    expect(problem.detail).toContain('demonstration');
    expect(await countResults(service)).toBe(before);
    // The same sitting as a real one is taken: the refusal is about the demo mark, nothing else.
    expect((await postResult(service.url, signedResult(device, { demo: false }))).status).toBe(201);
    expect(await countResults(service)).toBe(before + 1);
  });

  it('stores a result whose claimed score differs from the re-score, flagged, with the service score', async () => {
    const envelope = signedResult(device, { claimedRaw: 4 });
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual(['score-mismatch']);
    const row = await service.deps.db
      .selectFrom('results')
      .select(['raw', 'raw_client', 'score_mismatch'])
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ raw: 2, raw_client: 4, score_mismatch: 1 });
  });

  it('files a result under the device gemeente and flags a different claim', async () => {
    const envelope = signedResult(device, { gemeente: 'Amsterdam' });
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual(['gemeente-mismatch']);
    const row = await service.deps.db
      .selectFrom('results')
      .select('gemeente')
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirstOrThrow();
    expect(row.gemeente).toBe('Utrecht');
  });

  it('stores a claimed cesuur with the package cesuur, flagged, and never as the reference cesuur', async () => {
    // The mini package's cesuur is 2 (twijfelzone 1..3); the device claims 4, which turns raw 2 into "not".
    const envelope = signedResult(device, { claimedCesuur: 4 });
    expect(envelope.payload.scoring.outcome).toBe('B1-route niet haalbaar');
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual(['cesuur-mismatch']);
    const row = await service.deps.db
      .selectFrom('results')
      .select([
        'cesuur',
        'cesuur_mismatch',
        'outcome',
        'twijfelzone_from',
        'twijfelzone_to',
        'in_twijfelzone',
      ])
      .where('result_id', '=', envelope.payload.resultId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      cesuur: 2,
      cesuur_mismatch: 1,
      outcome: 'haalbaar',
      twijfelzone_from: 1,
      twijfelzone_to: 3,
      in_twijfelzone: 1,
    });
    // The newest result is the dashboard's reference: it carries the package's cesuur and twijfelzone.
    const ref = await reference(service.deps.db, 'Utrecht', {});
    expect(ref).toMatchObject({ cesuur: 2, twijfelzone: { from: 1, to: 3 } });
  });

  it('files each result under the gemeente the device was enrolled for when the sitting was opened', async () => {
    const moving = newDevice();
    const start = service.clock.now();
    const hour = 3_600_000;
    try {
      await enrollDevice(service.url, service.deps, moving, 'Utrecht');
      const before = signedResult(moving, { at: new Date(start.getTime() + hour / 2) });
      service.clock.advance(hour);
      // Moved to Amsterdam while the Utrecht sitting waits in the outbox.
      await enrollDevice(service.url, service.deps, moving, 'Amsterdam');
      const after = signedResult(moving, { at: new Date(start.getTime() + 2 * hour), gemeente: 'Amsterdam' });
      const stale = signedResult(moving, { at: new Date(start.getTime() + 2 * hour), gemeente: 'Utrecht' });
      const answers = [];
      for (const envelope of [before, after, stale]) answers.push(await postResult(service.url, envelope));
      expect(answers.map((a) => [a.status, a.json.flags])).toEqual([
        [201, []],
        [201, []],
        [201, ['gemeente-mismatch']],
      ]);
      const rows = await service.deps.db
        .selectFrom('results')
        .select(['result_id', 'gemeente', 'gemeente_mismatch'])
        .where('device_id', '=', moving.deviceId)
        .execute();
      const byId = new Map(rows.map((r) => [r.result_id, [r.gemeente, r.gemeente_mismatch]]));
      expect(byId.get(before.payload.resultId)).toEqual(['Utrecht', 0]);
      expect(byId.get(after.payload.resultId)).toEqual(['Amsterdam', 0]);
      expect(byId.get(stale.payload.resultId)).toEqual(['Amsterdam', 1]);
      // The dashboard's list shows the stored flag (its Dutch label comes with the ValidityFlag).
      const list = await listResults(service.deps.db, 'Amsterdam', { limit: 50, offset: 0 });
      const shown = list.rows.find((r) => r.resultId === stale.payload.resultId);
      expect(shown?.flags).toContain('gemeente-mismatch');
    } finally {
      service.clock.current = start;
    }
  });

  it('names the wrong fields of a body that is not a signed result', async () => {
    const envelope = signedResult(device);
    const broken = {
      ...envelope,
      payload: { ...envelope.payload, scoring: { ...envelope.payload.scoring, raw: 'two' } },
    };
    const problem = expectProblem(await postResult(service.url, broken), 400, 'invalid');
    expect(problem.issues).toContainEqual(expect.stringMatching(/^\$\.payload\.scoring\.raw: /));
  });
});
