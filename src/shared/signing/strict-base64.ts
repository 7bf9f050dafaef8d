/**
 * The one base64 decoder for keys and signatures, on the kiosk and in the service. Node's `Buffer.from(text,
 * 'base64')` skips characters outside the alphabet, tolerates missing or extra padding and ignores the unused
 * low bits of the last character, so one signature could be spelt several ways and a check on the text would
 * not be a check on the bytes. This accepts exactly one spelling per byte string (RFC 4648 §3.5, canonical).
 */

export type Base64Variant = 'base64' | 'base64url';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALPHABET: Record<Base64Variant, string> = { base64: LETTERS + '+/', base64url: LETTERS + '-_' };

const VALUES: Record<Base64Variant, Map<string, number>> = {
  base64: new Map([...ALPHABET.base64].map((c, i) => [c, i])),
  base64url: new Map([...ALPHABET.base64url].map((c, i) => [c, i])),
};

/**
 * The bytes of `text`, or null when it is not the canonical spelling: `base64` must be padded with `=` to a
 * multiple of 4 (RFC 4648 §4, as Buffer writes it); `base64url` must be unpadded (RFC 7515, as JWK `x` is).
 */
export function decodeBase64Strict(text: string, variant: Base64Variant = 'base64'): Uint8Array | null {
  let body = text;
  if (variant === 'base64') {
    if (text.length % 4 !== 0) return null;
    body = text.replace(/={1,2}$/, '');
    const padding = text.length - body.length;
    if (padding !== (4 - (body.length % 4)) % 4) return null;
  }
  // One leftover character carries only 6 bits: never a whole byte.
  if (body.length % 4 === 1) return null;
  const values = VALUES[variant];
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of body) {
    const value = values.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  // The bits left over after the last whole byte must be zero, or several texts would give these bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
