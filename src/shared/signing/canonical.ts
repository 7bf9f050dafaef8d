import canonicalize from 'canonicalize';

/** A value that RFC 8785 cannot represent (NaN, Infinity, a lone surrogate, a cycle, undefined at the top). */
export class CanonicalizationError extends Error {
  override readonly name = 'CanonicalizationError';
}

/**
 * The RFC 8785 (JCS) text of a JSON value: sorted keys, no whitespace, ECMAScript number formatting.
 * A signature covers exactly these bytes, so signer and verifier agree whatever order the keys arrived in.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new CanonicalizationError(`cannot canonicalize: ${(error as Error).message}`);
  }
  if (text === undefined) throw new CanonicalizationError('cannot canonicalize: the value is not JSON');
  return text;
}

/** The UTF-8 bytes of `canonicalJson(value)`: what gets signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
