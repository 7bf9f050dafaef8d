/**
 * What an Ed25519 public key or signature must look like before node:crypto may verify with it: the pure checks
 * that both the kiosk and the service run, so the rule has one home. OpenSSL's verify (RFC 8032's cofactorless
 * equation [S]B = R + [k]A) accepts R = identity, S = 0 for every message under a small-order key A, and
 * accepts keys and R with y >= p; neither can come from an honest signer, so both are refused here.
 */
import { decodeBase64Strict } from './strict-base64';

/** The field prime of curve25519. */
export const ED25519_P = 2n ** 255n - 19n;
/** The order of the prime-order subgroup (RFC 8032 §5.1: L). */
export const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

/**
 * Every 32-byte encoding of the 8 points of small order (the torsion subgroup E[8]): y in {1 (identity), p-1
 * (order 2), 0 (order 4), y8 and p-y8 (order 8)}, each with the sign bit clear and set, plus the non-canonical
 * y = p and y = p+1 (which decode to 0 and 1). The list is libsodium's and ed25519-dalek's (`EIGHT_TORSION`)
 * with the sign-bit variants; test/unit/src/shared/signing/ed25519-encoding.test.ts checks [8]P = identity for each.
 */
export const SMALL_ORDER_ENCODINGS: readonly string[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000080',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000080',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
];
const SMALL_ORDER = new Set(SMALL_ORDER_ENCODINGS);

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function littleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

/** y (the sign bit of x cleared) is below p: the only encoding RFC 8032 §5.1.3 lets a decoder accept. */
export function isCanonicalPointEncoding(point: Uint8Array): boolean {
  return point.length === 32 && littleEndian(point) % 2n ** 255n < ED25519_P;
}

export function isSmallOrderPointEncoding(point: Uint8Array): boolean {
  return SMALL_ORDER.has(hex(point));
}

/** Why a raw public key is refused, or null when it may be used. */
export function ed25519PublicKeyProblem(raw: Uint8Array): string | null {
  if (raw.length !== 32) return `a raw Ed25519 public key is 32 bytes, not ${raw.length}`;
  if (isSmallOrderPointEncoding(raw)) {
    return 'a small-order point (the identity or another torsion point): any forged signature would verify with it';
  }
  if (!isCanonicalPointEncoding(raw)) return 'a non-canonical point encoding (y >= 2^255-19)';
  return null;
}

/** Why a 64-byte signature R || S is refused before verification, or null when it may be verified. */
export function ed25519SignatureProblem(signature: Uint8Array): string | null {
  if (signature.length !== 64) return `an Ed25519 signature is 64 bytes, not ${signature.length}`;
  const r = signature.subarray(0, 32);
  if (isSmallOrderPointEncoding(r)) return 'R is a small-order point';
  if (!isCanonicalPointEncoding(r)) return 'R is a non-canonical point encoding (y >= 2^255-19)';
  if (littleEndian(signature.subarray(32)) >= ED25519_L) return 'S is not below the group order L';
  return null;
}

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/** A public key as base64 (or base64url, as in a JWK) text: strictly decoded, then checked. */
export function decodeEd25519PublicKey(text: string, variant: 'base64' | 'base64url' = 'base64'): Decoded {
  const bytes = decodeBase64Strict(text, variant);
  if (!bytes) return { ok: false, problem: `not the canonical ${variant} of a key` };
  const problem = ed25519PublicKeyProblem(bytes);
  return problem ? { ok: false, problem } : { ok: true, bytes };
}

/** A signature as base64 text: strictly decoded, then checked. */
export function decodeEd25519Signature(text: string): Decoded {
  const bytes = decodeBase64Strict(text, 'base64');
  if (!bytes) return { ok: false, problem: 'not the canonical base64 of a signature' };
  const problem = ed25519SignatureProblem(bytes);
  return problem ? { ok: false, problem } : { ok: true, bytes };
}
