/** Only a receipt that proves OUR result is stored counts; everything else leaves the result waiting. */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReceipt } from '../../../../../src/host/outbox';
import { classifyUpload } from '../../../../../src/host/outbox/classify';
import { serverPublicKey } from '../../../../../src/host/service-link/link-file';
import type { SignedResult } from '../../../../../src/shared/result';
import {
  answer,
  ingestAnswer,
  newKiosk,
  newServerKeys,
  storeResult,
  type ServerKeys,
} from '../../../../support/outbox-fixture';

let keys: ServerKeys;
let envelope: SignedResult;
let other: SignedResult;

beforeAll(async () => {
  keys = newServerKeys();
  const kiosk = await newKiosk();
  envelope = await storeResult(kiosk);
  other = await storeResult(kiosk, { candidateRef: 'K-2026-0043' });
});

const key = () => serverPublicKey({ serverKey: keys.serverKey });

describe('checkReceipt', () => {
  it('accepts a receipt signed by the pinned key for exactly our payload', () => {
    const check = checkReceipt(ingestAnswer(envelope, keys.signer), envelope, key());
    expect(check.ok).toBe(true);
  });

  it.each([
    ['a string', 'OK'],
    ['null', null],
    ['an empty object', {}],
    ['a problem document', { type: 'about:blank', title: 'x', status: 500, detail: 'x', code: 'internal' }],
  ])('refuses garbage: %s', (_label, body) => {
    const check = checkReceipt(body, envelope, key());
    expect(check).toMatchObject({ ok: false, why: expect.stringContaining('not an ingest response') });
  });

  it('refuses a receipt signed by another key (not the pinned one)', () => {
    const check = checkReceipt(ingestAnswer(envelope, newServerKeys().signer), envelope, key());
    expect(check).toMatchObject({ ok: false, why: expect.stringContaining('key-mismatch') });
  });

  it('refuses a receipt whose facts were changed after signing', () => {
    const body = ingestAnswer(envelope, keys.signer);
    body.receipt.payload.storedAt = '2030-01-01T00:00:00.000Z';
    expect(checkReceipt(body, envelope, key())).toMatchObject({
      ok: false,
      why: expect.stringContaining('bad-signature'),
    });
  });

  it('refuses a validly signed receipt for another result id', () => {
    const body = ingestAnswer(envelope, keys.signer, (r) => ({ ...r, resultId: other.payload.resultId }));
    expect(checkReceipt(body, envelope, key())).toMatchObject({
      ok: false,
      why: expect.stringContaining('receipt for result'),
    });
  });

  it('refuses a validly signed receipt for another device', () => {
    const body = ingestAnswer(envelope, keys.signer, (r) => ({ ...r, deviceId: 'lbt-dev-0000000000000000' }));
    expect(checkReceipt(body, envelope, key())).toMatchObject({
      ok: false,
      why: expect.stringContaining('receipt for device'),
    });
  });

  it('refuses a validly signed receipt whose payloadHash is not the hash of our signed bytes', () => {
    const body = ingestAnswer(envelope, keys.signer, (r) => ({ ...r, payloadHash: 'a'.repeat(64) }));
    expect(checkReceipt(body, envelope, key())).toMatchObject({
      ok: false,
      why: expect.stringContaining('payloadHash'),
    });
    // The receipt of a result with the same id but other bytes does not cover ours either.
    const changed = structuredClone(envelope);
    changed.payload.scoring.raw += 1;
    expect(checkReceipt(ingestAnswer(changed, keys.signer), envelope, key()).ok).toBe(false);
  });
});

describe('classifyUpload', () => {
  const classify = (outcome: Parameters<typeof classifyUpload>[0]) =>
    classifyUpload(outcome, envelope, key());

  it('delivered only with a verified receipt (201 first time, 200 duplicate)', () => {
    expect(classify(answer(201, ingestAnswer(envelope, keys.signer)))).toMatchObject({
      kind: 'delivered',
      duplicate: false,
    });
    const dup = { ...ingestAnswer(envelope, keys.signer), duplicate: true };
    expect(classify(answer(200, dup))).toMatchObject({ kind: 'delivered', duplicate: true });
    expect(classify(answer(201, ingestAnswer(other, keys.signer)))).toMatchObject({
      kind: 'retry',
      message: expect.stringContaining('LBT-U04'),
    });
  });

  it('retries transient failures with a Dutch message that says the result is kept', () => {
    const cases: [Parameters<typeof classifyUpload>[0], string][] = [
      [{ kind: 'network', detail: 'ECONNREFUSED' }, 'LBT-U01'],
      [{ kind: 'timeout', detail: 'no answer' }, 'LBT-U03'],
      [answer(500), 'LBT-U02'],
      [answer(503), 'LBT-U02'],
      [answer(502, '<html>bad gateway</html>'), 'LBT-U02'],
      [answer(429), 'LBT-U09'],
      [answer(408), 'LBT-U03'],
    ];
    for (const [outcome, code] of cases) {
      const verdict = classify(outcome);
      expect(verdict.kind).toBe('retry');
      if (verdict.kind === 'delivered') continue;
      expect(verdict.message).toContain(code);
      expect(verdict.message).toContain('blijft op deze kiosk bewaard');
    }
  });

  it('marks 409 and other 4xx as refused, with the reason in Dutch', () => {
    const conflict = classify(answer(409));
    expect(conflict).toMatchObject({ kind: 'refused', message: expect.stringContaining('LBT-U05') });
    const revoked = classify({
      kind: 'answer',
      status: 403,
      body: null,
      problem: { type: 'x', title: 'x', status: 403, detail: 'revoked', code: 'revoked-device' },
    });
    expect(revoked).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('deze kiosk is bij de service ingetrokken'),
    });
  });
});
