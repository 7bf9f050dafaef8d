/**
 * Signs and verifies JSON values as `SignedEnvelope`s: Ed25519 over the RFC 8785 canonical bytes of the payload.
 * The verification needs only node:crypto and the `canonicalize` package, so a third party can repeat it.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { formatIssues } from '../../shared/json';
import type { JsonValue } from '../../shared/journal/json-value';
import { canonicalBytes } from '../../shared/signing/canonical';
import { decodeEd25519Signature, ed25519PublicKeyProblem } from '../../shared/signing/ed25519-encoding';
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

/** Throws a RangeError naming the problem for a small-order, non-canonical or wrong-length key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  const problem = ed25519PublicKeyProblem(raw);
  if (problem) throw new RangeError(`not a usable Ed25519 public key: ${problem}`);
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
  // The service's pre-checks exactly: one spelling, R canonical and not of small order, S below L.
  const signature = decodeEd25519Signature(parsed.data.signature);
  if (!signature.ok) return { ok: false, reason: 'bad-signature', detail: signature.problem };
  const good = verify(null, canonicalBytes(parsed.data.payload), publicKey, signature.bytes);
  return good
    ? { ok: true }
    : { ok: false, reason: 'bad-signature', detail: 'the signature does not match the payload' };
}
