/**
 * Hostile Ed25519 inputs for the tests of the kiosk, the service and the fuzz suite: the identity forgery,
 * S + L, and a second base64 spelling of the same bytes. Each is a real attack on a verifier without the
 * pre-checks of src/shared/signing/ed25519-encoding.ts.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { ED25519_L } from '../../src/shared/signing/ed25519-encoding';

// RFC 8032 §7.1, test 1 (the empty message).
export const RFC8032_TEST1 = {
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  message: '',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};

export const IDENTITY_POINT = Buffer.from(
  '0100000000000000000000000000000000000000000000000000000000000000',
  'hex',
);

/** R = identity, S = 0: OpenSSL accepts it for every message under a small-order key. */
export const IDENTITY_FORGERY = Buffer.concat([IDENTITY_POINT, Buffer.alloc(32)]);

/** keyId, deviceId and base64 of a raw key, as a kiosk would derive them at enrollment. */
export function identityOf(raw: Uint8Array): { keyId: string; deviceId: string; publicKey: string } {
  const keyId = createHash('sha256').update(raw).digest('hex');
  return { keyId, deviceId: `lbt-dev-${keyId.slice(0, 16)}`, publicKey: Buffer.from(raw).toString('base64') };
}

/** A KeyObject for any 32 bytes, bypassing our checks (as Node itself allows): to attack verifiers directly. */
export function unsafePublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** The same signature with S + L: the same value mod L, so a verifier without `S < L` could accept it. */
export function withSPlusL(signatureBase64: string): string {
  const bytes = Buffer.from(signatureBase64, 'base64');
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(bytes[i]!);
  s += ED25519_L;
  for (let i = 32; i < 64; i++) {
    bytes[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  if (s !== 0n) throw new Error('S + L does not fit in 32 bytes');
  return bytes.toString('base64');
}

/** Another spelling of the same bytes: one of the unused trailing bits of the last base64 character set. */
export function respell(base64: string): string {
  const alphabet = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789${/[-_]/.test(base64) ? '-_' : '+/'}`;
  const body = base64.replace(/=+$/, '');
  if ((body.length * 6) % 8 === 0) throw new Error('no unused bits: the length is a multiple of 3 bytes');
  const last = alphabet.indexOf(body.at(-1)!);
  return body.slice(0, -1) + alphabet[last | 1] + base64.slice(body.length);
}
