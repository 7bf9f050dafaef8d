/** The pure pre-checks of src/shared/signing/ed25519-encoding.ts, derived from the curve rather than trusted. */
import { describe, expect, it } from 'vitest';
import {
  decodeEd25519PublicKey,
  decodeEd25519Signature,
  ED25519_L,
  ED25519_P,
  ed25519PublicKeyProblem,
  ed25519SignatureProblem,
  isCanonicalPointEncoding,
  SMALL_ORDER_ENCODINGS,
} from '../../../../../src/shared/signing/ed25519-encoding';
import { decodeBase64Strict } from '../../../../../src/shared/signing/strict-base64';
import { RFC8032_TEST1, respell } from '../../../../support/ed25519-forgery';
import { decodeLenient, encodings, equal, IDENTITY, multiply, type Point } from './edwards25519';

const bytes = (hexText: string) => Uint8Array.from(Buffer.from(hexText, 'hex'));

function littleEndianBytes(value: bigint, length = 32): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}

describe('the small-order list', () => {
  it('holds only points P with [8]P = identity', () => {
    for (const encoding of SMALL_ORDER_ENCODINGS) {
      const point = decodeLenient(bytes(encoding));
      expect(point, encoding).not.toBeNull();
      expect(equal(multiply(point!, 8n), IDENTITY), encoding).toBe(true);
    }
  });

  it('holds every encoding of all 8 torsion points, and nothing else', () => {
    // A point of order 8 generates the whole torsion subgroup E[8].
    const generator = decodeLenient(bytes(SMALL_ORDER_ENCODINGS[6]!))!;
    expect(equal(multiply(generator, 4n), IDENTITY)).toBe(false);
    const torsion: Point[] = Array.from({ length: 8 }, (_, k) => multiply(generator, BigInt(k)));
    expect(new Set(torsion.map((t) => `${t.x},${t.y}`)).size).toBe(8);
    const expected = torsion.flatMap(encodings).sort();
    expect([...SMALL_ORDER_ENCODINGS].sort()).toEqual(expected);
  });

  it('refuses each as a public key and as R', () => {
    for (const encoding of SMALL_ORDER_ENCODINGS) {
      expect(ed25519PublicKeyProblem(bytes(encoding))).toMatch(/small-order/);
      const signature = new Uint8Array(64);
      signature.set(bytes(encoding));
      expect(ed25519SignatureProblem(signature)).toMatch(/small-order/);
    }
  });
});

describe('canonical encodings', () => {
  it('reads y from little-endian with the sign bit cleared and compares it to p', () => {
    expect(isCanonicalPointEncoding(littleEndianBytes(ED25519_P - 1n))).toBe(true);
    expect(isCanonicalPointEncoding(littleEndianBytes(ED25519_P - 1n + 2n ** 255n))).toBe(true);
    for (let extra = 0n; extra < 19n; extra++) {
      expect(isCanonicalPointEncoding(littleEndianBytes(ED25519_P + extra))).toBe(false);
      expect(isCanonicalPointEncoding(littleEndianBytes(ED25519_P + extra + 2n ** 255n))).toBe(false);
    }
  });

  it('refuses a public key with y >= p that is not on the small-order list', () => {
    const key = littleEndianBytes(ED25519_P + 5n);
    expect(ed25519PublicKeyProblem(key)).toMatch(/non-canonical/);
  });

  it('refuses S >= L and a non-canonical R', () => {
    const good = bytes(RFC8032_TEST1.signature);
    expect(ed25519SignatureProblem(good)).toBeNull();
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(good[i]!);
    const plusL = new Uint8Array(good);
    plusL.set(littleEndianBytes(s + ED25519_L), 32);
    expect(ed25519SignatureProblem(plusL)).toMatch(/S is not below/);
    const atL = new Uint8Array(good);
    atL.set(littleEndianBytes(ED25519_L), 32);
    expect(ed25519SignatureProblem(atL)).toMatch(/S is not below/);
    const badR = new Uint8Array(good);
    badR.set(littleEndianBytes(ED25519_P + 3n), 0);
    expect(ed25519SignatureProblem(badR)).toMatch(/R is a non-canonical/);
  });
});

describe('decoding keys and signatures from text', () => {
  it('accepts RFC 8032 test 1 and refuses another spelling of the same bytes', () => {
    const key = Buffer.from(RFC8032_TEST1.publicKey, 'hex');
    expect(decodeEd25519PublicKey(key.toString('base64'))).toMatchObject({ ok: true });
    expect(decodeEd25519PublicKey(key.toString('base64url'), 'base64url')).toMatchObject({ ok: true });
    const signature = Buffer.from(RFC8032_TEST1.signature, 'hex').toString('base64');
    expect(decodeEd25519Signature(signature)).toMatchObject({ ok: true });
    const respelt = respell(signature);
    expect(respelt).not.toBe(signature);
    expect(Buffer.from(respelt, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
    expect(decodeEd25519Signature(respelt)).toMatchObject({ ok: false });
  });
});

describe('strict base64', () => {
  it('decodes what Buffer writes, for every length and both alphabets', () => {
    for (let length = 0; length < 40; length++) {
      const data = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) & 0xff));
      expect(decodeBase64Strict(data.toString('base64'))).toEqual(Uint8Array.from(data));
      expect(decodeBase64Strict(data.toString('base64url'), 'base64url')).toEqual(Uint8Array.from(data));
    }
  });

  it('refuses padding errors, unused bits set, characters outside the alphabet and impossible lengths', () => {
    const key = Buffer.from(RFC8032_TEST1.publicKey, 'hex');
    const text = key.toString('base64');
    for (const bad of [
      text.slice(0, -1),
      text + '=',
      text.slice(0, -1) + '==',
      respell(text),
      ' ' + text.slice(1),
      text.slice(0, 10) + '\n' + text.slice(11),
      text.replace(/[A-Za-z0-9]/, '-'),
      'A===',
      'A',
      '=',
    ]) {
      expect(decodeBase64Strict(bad), JSON.stringify(bad)).toBeNull();
    }
    const url = key.toString('base64url');
    for (const bad of [url + '=', url.replace(/[A-Za-z0-9]/, '+'), respell(url)]) {
      expect(decodeBase64Strict(bad, 'base64url'), bad).toBeNull();
    }
  });
});
