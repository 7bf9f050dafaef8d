/**
 * Issue 17 item 4 on the kiosk: envelopes (receipts, rosters, results), package manifests and every public key
 * it takes in refuse small-order keys, R = identity forgeries, S >= L and second base64 spellings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkManifestSignature, readTrustPolicy } from '../../../../../src/host/items/trust';
import { ServiceLinkError, serverPublicKey } from '../../../../../src/host/service-link/link-file';
import {
  publicKeyFromRaw,
  signerFromPrivateKey,
  signJson,
  verifyJson,
} from '../../../../../src/host/signing';
import { SMALL_ORDER_ENCODINGS } from '../../../../../src/shared/signing/ed25519-encoding';
import {
  IDENTITY_FORGERY,
  IDENTITY_POINT,
  identityOf,
  respell,
  RFC8032_TEST1,
  unsafePublicKey,
  withSPlusL,
} from '../../../../support/ed25519-forgery';

const payload = { schema: 'lbt.example/1', score: 31 };

describe('verifyJson', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const envelope = signJson(payload, signerFromPrivateKey(privateKey));

  it('still verifies a genuine envelope', () => {
    expect(verifyJson(envelope, publicKey)).toEqual({ ok: true });
  });

  it('refuses S + L', () => {
    const outcome = verifyJson({ ...envelope, signature: withSPlusL(envelope.signature) }, publicKey);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'bad-signature',
      detail: expect.stringMatching(/S is not below/),
    });
  });

  it('refuses another base64 spelling of the genuine signature', () => {
    expect(verifyJson({ ...envelope, signature: respell(envelope.signature) }, publicKey)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses R = identity, S = 0 under the identity key, whatever the payload', () => {
    const forged = {
      payload,
      signature: IDENTITY_FORGERY.toString('base64'),
      keyId: identityOf(IDENTITY_POINT).keyId,
      alg: 'Ed25519',
    };
    expect(verifyJson(forged, unsafePublicKey(IDENTITY_POINT))).toMatchObject({
      ok: false,
      reason: 'bad-signature',
      detail: expect.stringMatching(/small-order/),
    });
  });
});

describe('public keys entering the kiosk', () => {
  it.each(SMALL_ORDER_ENCODINGS)('refuses %s as a raw key and as the pinned server key', (encoding) => {
    const raw = Buffer.from(encoding, 'hex');
    expect(() => publicKeyFromRaw(raw)).toThrow(/small-order/);
    const { keyId, publicKey } = identityOf(raw);
    expect(() => serverPublicKey({ serverKey: { keyId, publicKey } })).toThrow(ServiceLinkError);
  });
});

describe('package manifest signatures and trusted publishers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-forged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const entry = (raw: Uint8Array, publicKey = identityOf(raw).publicKey) => ({
    keyId: identityOf(raw).keyId,
    publicKey,
    name: 'Uitgever',
    development: false,
  });
  const rfcKey = Buffer.from(RFC8032_TEST1.publicKey, 'hex');
  const rfcSignature = Buffer.from(RFC8032_TEST1.signature, 'hex').toString('base64');
  const manifestSig = (keyId: string, signature: string) =>
    Buffer.from(
      JSON.stringify({ schema: 'lbt.manifest-signature/1', algorithm: 'Ed25519', keyId, signature }),
    );
  const empty = Buffer.alloc(0);

  it('accepts RFC 8032 test 1 (the empty message) as a known answer', () => {
    const policy = { publisherKeys: [entry(rfcKey)], allowDevelopmentKeys: false };
    expect(
      checkManifestSignature(empty, manifestSig(entry(rfcKey).keyId, rfcSignature), policy),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses S + L and a second spelling of the known answer', () => {
    const policy = { publisherKeys: [entry(rfcKey)], allowDevelopmentKeys: false };
    for (const signature of [withSPlusL(rfcSignature), respell(rfcSignature)]) {
      const check = checkManifestSignature(empty, manifestSig(entry(rfcKey).keyId, signature), policy);
      expect(check.ok, signature).toBe(false);
    }
  });

  it('refuses a manifest "signed" with R = identity, S = 0 by an identity publisher key', () => {
    const policy = { publisherKeys: [entry(IDENTITY_POINT)], allowDevelopmentKeys: false };
    const forged = manifestSig(entry(IDENTITY_POINT).keyId, IDENTITY_FORGERY.toString('base64'));
    const check = checkManifestSignature(Buffer.from('{"any":"manifest"}'), forged, policy);
    expect(check).toMatchObject({ ok: false, problem: { path: '$.keyId' } });
  });

  it('refuses a trusted-publishers file naming a small-order key, as base64 or as PEM', () => {
    const pem = unsafePublicKey(IDENTITY_POINT).export({ type: 'spki', format: 'pem' }).toString();
    for (const publisher of [entry(IDENTITY_POINT), entry(IDENTITY_POINT, pem)]) {
      const file = join(dir, 'trusted-publishers.json');
      writeFileSync(file, JSON.stringify({ schema: 'lbt.trusted-publishers/1', publisherKeys: [publisher] }));
      expect(() => readTrustPolicy(file, false)).toThrow(/small-order/);
    }
  });
});
