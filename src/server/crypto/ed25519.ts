/**
 * Ed25519 with node:crypto for the service: the device keys it verifies and its own signing key. Kept here
 * (not imported from src/host) so the service depends on src/shared only.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { decodeEd25519PublicKey, decodeEd25519Signature } from '../../shared/signing';

/** sha256 (hex) of a raw 32-byte public key: the `keyId` of envelopes and the basis of device ids. */
export function keyIdOfRaw(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** Throws a RangeError naming the problem for a key that decodeEd25519PublicKey refuses (e.g. small order). */
export function publicKeyFromRawBase64(base64: string): KeyObject {
  const decoded = decodeEd25519PublicKey(base64);
  if (!decoded.ok) throw new RangeError(`not a usable Ed25519 public key: ${decoded.problem}`);
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(decoded.bytes).toString('base64url') },
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
  // One spelling per signature (idempotency compares texts), and no R or S that OpenSSL would let through.
  const signature = decodeEd25519Signature(signatureBase64);
  if (!signature.ok) return false;
  try {
    return verify(null, bytes, publicKey, signature.bytes);
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
