/**
 * A small, slow, pure edwards25519 (affine coordinates, BigInt) for the tests only: enough to decode a point
 * and multiply it, so the small-order list in src/shared/signing/ed25519-encoding.ts is derived, not trusted.
 */
const p = 2n ** 255n - 19n;
const d = mod(-121665n * inverse(121666n));
const sqrtMinusOne = power(2n, (p - 1n) / 4n);

export interface Point {
  x: bigint;
  y: bigint;
}
export const IDENTITY: Point = { x: 0n, y: 1n };

function mod(a: bigint): bigint {
  const r = a % p;
  return r < 0n ? r + p : r;
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
  }
  return result;
}

function inverse(a: bigint): bigint {
  return power(a, p - 2n);
}

export function add(a: Point, b: Point): Point {
  const t = mod(d * a.x * b.x * a.y * b.y);
  return {
    x: mod((a.x * b.y + a.y * b.x) * inverse(1n + t)),
    y: mod((a.y * b.y + a.x * b.x) * inverse(1n - t)),
  };
}

export function multiply(point: Point, n: bigint): Point {
  let result = IDENTITY;
  let q = point;
  for (let k = n; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, q);
    q = add(q, q);
  }
  return result;
}

export const equal = (a: Point, b: Point): boolean => a.x === b.x && a.y === b.y;

/**
 * RFC 8032 §5.1.3 decoding, but lenient the way the attacked verifiers are: y is taken mod p (so y >= p is
 * read) and x = 0 with the sign bit set is read as x = 0. Null when y is not on the curve.
 */
export function decodeLenient(bytes: Uint8Array): Point | null {
  let value = 0n;
  for (let i = 31; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  const sign = value >> 255n;
  const y = mod(value & (2n ** 255n - 1n));
  const u = mod(y * y - 1n);
  const v = mod(d * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (p - 5n) / 8n));
  if (mod(v * x * x) !== u) {
    if (mod(v * x * x) !== mod(-u)) return null;
    x = mod(x * sqrtMinusOne);
  }
  if (x !== 0n && (x & 1n) !== sign) x = p - x;
  return { x, y };
}

/** Every 32-byte text that decodeLenient reads as `point`: both sign bits when x = 0, and y + p when < 2^255. */
export function encodings(point: Point): string[] {
  const ys = [point.y, point.y + p].filter((y) => y < 2n ** 255n);
  const signs = point.x === 0n ? [0n, 1n] : [point.x & 1n];
  return ys.flatMap((y) =>
    signs.map((sign) => {
      let value = y | (sign << 255n);
      const bytes = new Uint8Array(32);
      for (let i = 0; i < 32; i++) {
        bytes[i] = Number(value & 0xffn);
        value >>= 8n;
      }
      return Buffer.from(bytes).toString('hex');
    }),
  );
}
