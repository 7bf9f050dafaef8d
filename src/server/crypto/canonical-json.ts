/**
 * RFC 8785 (JCS) text of a value that came out of JSON.parse: the same bytes as src/shared/signing's
 * `canonicalJson`, about three times faster, because ingest canonicalizes every uploaded payload and the generic
 * library (which also handles toJSON, cycles and undefined, none of which JSON.parse can produce) was the largest
 * single cost of `POST /v1/results`. Property-tested against `canonicalJson` (test/unit/server/canonical-json.test.ts).
 *
 * Strings and numbers are written by JSON.stringify, which is what JCS prescribes; object keys are sorted by
 * UTF-16 code units (JavaScript's default sort); a lone surrogate or a non-finite number cannot be canonicalized.
 */
import { CanonicalizationError } from '../../shared/signing';

/** String.prototype.isWellFormed (Node 20; native, unlike a per-character loop); our TS lib predates it. */
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

export function canonicalJsonOfParsed(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (!wellFormed(value))
        throw new CanonicalizationError('cannot canonicalize: Lone surrogate is not allowed');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalizationError('cannot canonicalize: the number is not finite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJsonOfParsed(value[i]);
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!wellFormed(key))
          throw new CanonicalizationError('cannot canonicalize: Lone surrogate is not allowed');
        out += (i > 0 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJsonOfParsed(record[key]);
      }
      return out + '}';
    }
    default:
      throw new CanonicalizationError(`cannot canonicalize: a ${typeof value} is not JSON`);
  }
}
