/** The service's fast canonical JSON gives exactly the shared `canonicalJson` bytes, and refuses what it refuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonOfParsed } from '../../../src/server/crypto/canonical-json';
import { CanonicalizationError, canonicalJson } from '../../../src/shared/signing';
import { signedResult, newDevice } from '../../support/results-service';

const outcome = (f: () => string) => {
  try {
    return { text: f() };
  } catch (error) {
    return { error: error instanceof CanonicalizationError };
  }
};

describe('canonicalJsonOfParsed', () => {
  it('equals canonicalJson on any JSON text parsed, including odd unicode, numbers and keys', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u2028', '\u00e9', 'é', '\ud83d\ude00', '\u0000', '__proto__', ''),
    );
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        text,
        fc.array(tie('json')),
        fc.dictionary(text, tie('json')),
      ),
    })).json;
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
});
