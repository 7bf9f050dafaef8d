import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { signerFromPrivateKey, signJson, verifyJson } from '../../../../../src/host/signing';
import {
  canonicalBytes,
  canonicalJson,
  CanonicalizationError,
} from '../../../../../src/shared/signing/canonical';
import { SignedEnvelope } from '../../../../../src/shared/signing/envelope';

const keyPair = () => generateKeyPairSync('ed25519');

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys, drops whitespace and formats numbers the JCS way', () => {
    expect(canonicalJson({ b: [3, { d: 1e21, c: 'é' }], a: 0.5, '€': -0, z: 1e-7 })).toBe(
      '{"a":0.5,"b":[3,{"c":"é","d":1e+21}],"z":1e-7,"€":0}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(new TextDecoder().decode(canonicalBytes({ a: 'ë' }))).toBe('{"a":"ë"}');
  });

  it('refuses values JSON cannot carry', () => {
    for (const bad of [Number.NaN, { x: Number.POSITIVE_INFINITY }, '\ud800', undefined]) {
      expect(() => canonicalJson(bad)).toThrow(CanonicalizationError);
    }
  });
});

describe('signed envelopes', () => {
  const payload = {
    schema: 'lbt.example/1',
    sessionId: 's-1',
    score: 31,
    items: [{ id: 'w-1', correct: true }],
  };

  it('verifies with the signer key, also with the payload keys reordered in transit', () => {
    const { privateKey, publicKey } = keyPair();
    const envelope = signJson(payload, signerFromPrivateKey(privateKey));
    expect(SignedEnvelope.parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({ alg: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyJson(envelope, publicKey)).toEqual({ ok: true });
    const reordered = JSON.parse(
      JSON.stringify({
        ...envelope,
        payload: { items: payload.items, score: 31, sessionId: 's-1', schema: 'lbt.example/1' },
      }),
    );
    expect(verifyJson(reordered, publicKey)).toEqual({ ok: true });
  });

  it('fails when any byte of the payload changes', () => {
    const { privateKey, publicKey } = keyPair();
    const envelope = signJson(payload, signerFromPrivateKey(privateKey));
    const text = JSON.stringify(envelope.payload);
    let checked = 0;
    for (let i = 0; i < text.length; i++) {
      // Change one character; keep only variants that are still JSON and still mean something different.
      const changed = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
      let value: unknown;
      try {
        value = JSON.parse(changed);
      } catch {
        continue;
      }
      if (canonicalJson(value) === canonicalJson(payload)) continue;
      checked++;
      expect(verifyJson({ ...envelope, payload: value }, publicKey), changed).toMatchObject({
        ok: false,
        reason: 'bad-signature',
      });
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('names the problem: another key, a damaged signature, a malformed envelope', () => {
    const { privateKey } = keyPair();
    const other = keyPair();
    const envelope = signJson(payload, signerFromPrivateKey(privateKey));
    expect(verifyJson(envelope, other.publicKey)).toMatchObject({ ok: false, reason: 'key-mismatch' });
    const signature = Buffer.from(envelope.signature, 'base64');
    signature[10]! ^= 0x20;
    expect(
      verifyJson({ ...envelope, signature: signature.toString('base64') }, createPublicKey(privateKey)),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyJson({ ...envelope, alg: 'RS256' }, createPublicKey(privateKey))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyJson('nope', createPublicKey(privateKey))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(() => signerFromPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(
      /Ed25519/,
    );
  });

  it('verifies with plain node:crypto and the canonicalize package alone (the recipe for third parties)', () => {
    const { privateKey, publicKey } = keyPair();
    const envelope = JSON.parse(JSON.stringify(signJson(payload, signerFromPrivateKey(privateKey))));
    const bytes = Buffer.from(canonicalize(envelope.payload)!, 'utf8');
    expect(verify(null, bytes, publicKey, Buffer.from(envelope.signature, 'base64'))).toBe(true);
  });
});
