/**
 * Ed25519 with node:crypto for the service: the device keys it verifies and its own signing key. Kept here
 * (not imported from src/host) so the service depends on src/shared only.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** sha256 (hex) of a raw 32-byte public key: the `keyId` of envelopes and the basis of device ids. */
export function keyIdOfRaw(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function publicKeyFromRawBase64(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new RangeError('a raw Ed25519 public key is 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

export function rawPublicKeyBase64(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new TypeError('an Ed25519 public key is required');
  }
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** Never throws: a malformed signature from outside is simply not valid. */
export function verifyEd25519(bytes: Uint8Array, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  // Only the one canonical base64 text of the 64 bytes: Node's decoder ignores stray padding bits, which would
  // let one signature be written several ways (and make "the same bytes" ambiguous for idempotency).
  if (signature.length !== 64 || signature.toString('base64') !== signatureBase64) return false;
  try {
    return verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

/** A PKCS#8 DER key as base64: how migration 007 finds the key that older versions kept in the database. */
export function privateKeyFromDer(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

export function signEd25519(bytes: Uint8Array, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString('base64');
}
