/**
 * Signs and verifies JSON values as `SignedEnvelope`s: Ed25519 over the RFC 8785 canonical bytes of the payload.
 * The verification needs only node:crypto and the `canonicalize` package, so a third party can repeat it.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { formatIssues } from '../../shared/json';
import type { JsonValue } from '../../shared/journal/json-value';
import { canonicalBytes } from '../../shared/signing/canonical';
import { SignedEnvelope } from '../../shared/signing/envelope';

/** Anything that can sign bytes with an Ed25519 key: the device identity, or a key in a test. */
export interface Ed25519Signer {
  readonly keyId: string;
  sign(bytes: Uint8Array): Uint8Array;
}

export function signerFromPrivateKey(privateKey: KeyObject): Ed25519Signer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('an Ed25519 private key is required');
  const raw = rawPublicKey(createPublicKey(privateKey));
  return { keyId: keyIdOf(raw), sign: (bytes) => sign(null, bytes, privateKey) };
}

/** The raw 32-byte Ed25519 public key (the JWK `x`), which keyIds and device ids are derived from. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new TypeError('an Ed25519 public key is required');
  }
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('a raw Ed25519 public key is 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** sha256 (hex) of the raw public key. */
export function keyIdOf(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function signJson<P extends JsonValue>(payload: P, signer: Ed25519Signer): SignedEnvelope<P> {
  const signature = Buffer.from(signer.sign(canonicalBytes(payload))).toString('base64');
  return { payload, signature, keyId: signer.keyId, alg: 'Ed25519' };
}

export type VerifyOutcome =
  { ok: true } | { ok: false; reason: 'malformed' | 'key-mismatch' | 'bad-signature'; detail: string };

/**
 * Checks an envelope against the public key it claims. Never throws on bad input: an envelope from outside is
 * data, and the answer says why it failed.
 */
export function verifyJson(envelope: unknown, publicKey: KeyObject): VerifyOutcome {
  const parsed = SignedEnvelope.safeParse(envelope);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: formatIssues(parsed.error) };
  const expectedKeyId = keyIdOf(rawPublicKey(publicKey));
  if (parsed.data.keyId !== expectedKeyId) {
    return {
      ok: false,
      reason: 'key-mismatch',
      detail: `signed by ${parsed.data.keyId}, expected ${expectedKeyId}`,
    };
  }
  const signature = Buffer.from(parsed.data.signature, 'base64');
  const good = verify(null, canonicalBytes(parsed.data.payload), publicKey, signature);
  return good
    ? { ok: true }
    : { ok: false, reason: 'bad-signature', detail: 'the signature does not match the payload' };
}
