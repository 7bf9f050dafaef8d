/** The service's fast canonical JSON gives exactly the shared `canonicalJson` bytes, and refuses what it refuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonOfParsed } from '../../../../../src/server/crypto/canonical-json';
import { CanonicalizationError, canonicalJson } from '../../../../../src/shared/signing';
import { signedResult, newDevice } from '../../../../support/results-service';

const outcome = (f: () => string) => {
  try {
    return { text: f() };
  } catch (error) {
    return { error: error instanceof CanonicalizationError };
  }
};

/** Any JSON value, with strings from `text` and object keys from `keys`. */
const jsonValue = (text: fc.Arbitrary<string>, keys: fc.Arbitrary<string>) =>
  fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      text,
      fc.array(tie('json')),
      fc.dictionary(keys, tie('json')),
    ),
  })).json;

describe('canonicalJsonOfParsed', () => {
  it('equals canonicalJson on any JSON text parsed, including odd unicode, numbers and keys', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u2028', '\u00e9', 'é', '\ud83d\ude00', '\u0000', '__proto__', ''),
    );
    const value = jsonValue(text, text);
    fc.assert(
      fc.property(value, (v) => {
        // Through JSON text, as the service receives it (lone surrogates survive as \\u escapes).
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(outcome(() => canonicalJsonOfParsed(parsed))).toEqual(outcome(() => canonicalJson(parsed)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the bytes a device signed for a real result', () => {
    const envelope = JSON.parse(JSON.stringify(signedResult(newDevice()))) as { payload: unknown };
    expect(canonicalJsonOfParsed(envelope.payload)).toBe(canonicalJson(envelope.payload));
  });

  it('refuses lone surrogates in values and keys, like canonicalJson', () => {
    for (const text of ['"\\ud800"', '{"\\udc00":1}', '["a\\ud83d"]']) {
      expect(() => canonicalJsonOfParsed(JSON.parse(text))).toThrow(CanonicalizationError);
      expect(() => canonicalJson(JSON.parse(text))).toThrow(CanonicalizationError);
    }
  });

  it('takes its fast path on canonical text and still gives the exact bytes', () => {
    // Values parsed from their own canonical text have every key in order: the JSON.stringify path.
    const value = jsonValue(
      fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\\ud800', 'a\\\\ud83d', '\u2028')),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(value, (v) => {
        const canonical = canonicalJson(JSON.parse(JSON.stringify(v)));
        expect(canonicalJsonOfParsed(JSON.parse(canonical))).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses on the fast path what the exact path refuses: lone surrogates, numbers too large to be finite', () => {
    // Each text is in canonical key order, so only the checks of the fast path stand between it and the output.
    for (const text of ['{"a":"\\ud800","b":1}', '{"\\udfff":true}', '{"a":1e999}', '[1,-1e400]']) {
      expect(() => canonicalJsonOfParsed(JSON.parse(text))).toThrow(CanonicalizationError);
      expect(() => canonicalJson(JSON.parse(text))).toThrow(CanonicalizationError);
    }
  });

  it('sorts what is not in order, integer-like keys included', () => {
    const parsed: unknown = JSON.parse('{"b":1,"a":{"2":true,"10":false},"c":"\\\\ud800"}');
    expect(canonicalJsonOfParsed(parsed)).toBe('{"a":{"10":false,"2":true},"b":1,"c":"\\\\ud800"}');
    expect(canonicalJsonOfParsed(parsed)).toBe(canonicalJson(parsed));
  });
});
